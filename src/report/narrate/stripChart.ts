/** A plain-text strip chart of etcd members, the leader and every signal over a window, for terminals. */
import { formatClock, formatDuration, type SimTime } from '../../kernel/index.js';
import { MAX_WORKER_ROWS, WORKER } from '../_internals/componentLanes.js';
import type { ReplayedStep } from './replaySteps.js';
import { shortener } from './phrases.js';
import type { Snapshot } from './TraceReplay.js';

export interface StripChartOptions {
  readonly from: SimTime;
  readonly to: SimTime;
  /** Columns of the chart itself (labels come on top of it). */
  readonly width: number;
  /** Block characters (█ ▒ ·) when true, ASCII (# + .) otherwise. */
  readonly unicode: boolean;
  /** ANSI colours (green up, yellow partly, red down); only for a terminal. */
  readonly color: boolean;
  /**
   * Draw only what happened before this time ("so far", for `explain --step`): later columns
   * stay blank, on the same scale as the whole window's chart.
   */
  readonly until?: SimTime;
}

/** Up the whole column, down part of it, down the whole column. */
const GLYPHS = { unicode: ['█', '▒', '·'], ascii: ['#', '+', '.'] } as const;
const ANSI = { up: '\x1b[32m', partly: '\x1b[33m', down: '\x1b[31m', leader: '\x1b[1;36m', reset: '\x1b[0m' } as const;

type Cell = 'up' | 'partly' | 'down' | { readonly leader: string };

type Value = boolean | string | null;

/** A span of the window in one state. */
interface Segment {
  readonly start: SimTime;
  readonly end: SimTime;
  readonly state: Snapshot;
}

/** Consecutive segments in which a row keeps one value: up or down, or the leader's name (null: no leader). */
interface Run {
  readonly start: SimTime;
  readonly end: SimTime;
  readonly value: Value;
}

interface Row {
  readonly label: string;
  readonly runs: readonly Run[];
  /** For a row of folded workers: how many share it. */
  readonly folded?: number;
}

/**
 * One row per voting etcd member, one for the leader (the number of the member that leads),
 * one for the network when a partition happens in the window, one per other component that
 * goes down in it (past MAX_WORKER_ROWS failed workers, a cluster's share one row), and one per
 * signal. A column covers (to - from) / width seconds and shows
 * whether the row was up the whole time, down part of it, or down the whole time, so that even
 * an election of a second in an hour-long window leaves a mark.
 */
export function stripChart(steps: readonly ReplayedStep[], o: StripChartOptions): string {
  const first = steps[0];
  if (first === undefined || !(o.to > o.from) || o.width < 1) return '';
  const short = shortener(first.after.clusters.map((c) => c.name));
  const until = Math.min(o.until ?? Infinity, o.to);
  const segments: Segment[] = steps
    .filter((s) => s.t <= until)
    .map((s, i, shown) => ({ start: s.t, end: Math.min(shown[i + 1]?.t ?? Infinity, until), state: s.after }))
    .filter((g) => g.end > o.from && g.start < o.to);
  const rows = chartRows(segments, first.after, short);
  const dt = (o.to - o.from) / o.width;
  const glyphs = o.unicode ? GLYPHS.unicode : GLYPHS.ascii;
  const labelWidth = Math.max(...rows.map((r) => r.label.length)) + 2;
  const lines = [`Timeline ${formatClock(o.from)} to ${formatClock(o.to)}, one column = ${formatDuration(dt)}`];
  // Column j covers [a[j], b[j]); columns from `until` on stay blank ("so far").
  const a: SimTime[] = [];
  const b: SimTime[] = [];
  for (let j = 0; j < o.width; j++) {
    const aj = o.from + j * dt;
    if (aj >= until && until < o.to) break; // not yet: blank
    a.push(aj);
    b.push(Math.min(j === o.width - 1 ? o.to : aj + dt, until < o.to ? Math.max(until, aj + 1e-9) : Infinity));
  }
  for (const row of rows) lines.push(`${row.label.padEnd(labelWidth)}${paint(rowCells(row.runs, a, b), glyphs, o.color)}`);
  lines.push(' '.repeat(labelWidth) + axis(o.from, o.to, o.width));
  const [up, partly, down] = glyphs;
  lines.push(`${' '.repeat(labelWidth)}${up} up   ${partly} down part of the time   ${down} down   1-9: the etcd member that leads`);
  for (const r of rows) {
    if (r.folded !== undefined) lines.push(`${' '.repeat(labelWidth)}${r.label}: ${r.folded} failed workers on one row (past ${MAX_WORKER_ROWS}), down while any of them is`);
  }
  return `${lines.join('\n')}\n`;
}

function chartRows(segments: readonly Segment[], initial: Snapshot, short: (s: string) => string): Row[] {
  const rows: Row[] = [];
  const scanned = (label: string, value: (s: Snapshot) => Value) => rows.push({ label, runs: runsOf(segments, value) });
  const members = new Set<string>();
  initial.clusters.forEach((c, ci) => {
    c.members.forEach((m, k) => {
      members.add(m.name);
      scanned(short(m.name), (s) => s.clusters[ci]!.members[k]!.up);
    });
    scanned(short(`${c.name}/leader`), (s) => s.clusters[ci]!.leader);
  });
  if (segments.some((g) => g.state.partitions.length > 0)) scanned('network', (s) => s.partitions.length === 0);
  // Other components: found from the changes of the down lists, as there may be thousands of
  // them (workers) over thousands of steps. As on the report's timeline, past MAX_WORKER_ROWS
  // failed workers in a cluster they share one row, where the first of them would be.
  const others = [...downRuns(segments)].filter(([name]) => !members.has(name));
  const failedWorkers = new Map<string, number>();
  for (const [name] of others) {
    const c = WORKER.exec(name)?.[1];
    if (c !== undefined) failedWorkers.set(c, (failedWorkers.get(c) ?? 0) + 1);
  }
  const placed = new Set<string>();
  for (const [name, runs] of others) {
    const c = WORKER.exec(name)?.[1];
    const n = c === undefined ? 0 : failedWorkers.get(c)!;
    if (c === undefined || n <= MAX_WORKER_ROWS) rows.push({ label: short(name), runs });
    else if (!placed.has(c)) {
      placed.add(c);
      rows.push({ label: short(`${c}/workers`), runs: runsOf(segments, (s) => !s.down.some((d) => WORKER.exec(d)?.[1] === c)), folded: n });
    }
  }
  const last = segments.at(-1)?.state ?? initial;
  last.clusters.forEach((c, ci) => {
    for (const sig of Object.keys(c.signals)) scanned(short(`${c.name}/${sig}`), (s) => s.clusters[ci]!.signals[sig] !== false);
  });
  for (const sig of Object.keys(last.global)) scanned(`global/${sig}`, (s) => s.global[sig] !== false);
  return rows;
}

/** A row's runs from its value in every segment. */
function runsOf(segments: readonly Segment[], value: (s: Snapshot) => Value): Run[] {
  const runs: Run[] = [];
  let open: { start: SimTime; end: SimTime; value: Value } | undefined;
  for (const g of segments) {
    const v = value(g.state);
    if (open !== undefined && open.value === v) open.end = g.end;
    else runs.push((open = { start: g.start, end: g.end, value: v }));
  }
  return runs;
}

/**
 * The runs of every component that is down in some segment (up: true, down: false), in the
 * order they first go down; from the changes between consecutive down lists, so the cost is
 * the lists' length, not components times segments.
 */
function downRuns(segments: readonly Segment[]): Map<string, Run[]> {
  const runs = new Map<string, { start: SimTime; end: SimTime; value: Value }[]>();
  const last = segments.length - 1;
  let before = new Set<string>();
  segments.forEach((g, i) => {
    const now = new Set(g.state.down);
    const change = (name: string, up: boolean) => {
      let r = runs.get(name);
      if (r === undefined) {
        r = i > 0 ? [{ start: segments[0]!.start, end: segments[i - 1]!.end, value: true }] : [];
        runs.set(name, r);
      }
      const open = r.at(-1);
      if (open !== undefined) open.end = segments[i - 1]!.end;
      r.push({ start: g.start, end: g.end, value: up });
    };
    for (const name of now) if (!before.has(name)) change(name, false);
    for (const name of before) if (!now.has(name)) change(name, true);
    before = now;
  });
  // Every run open at the last segment lasts to its end.
  for (const r of runs.values()) r.at(-1)!.end = segments[last]!.end;
  return runs;
}

/**
 * The row's cell in each column [a[j], b[j]): what the runs that overlap the column show (one
 * value, or several: down part of the time). Runs and columns both run forward in time, so one
 * pass over each does it.
 */
function rowCells(runs: readonly Run[], a: readonly SimTime[], b: readonly SimTime[]): Cell[] {
  const columns = a.length;
  // Per column: the first value seen, whether another one was seen, and whether up or a leader was.
  const first: (Value | undefined)[] = new Array<Value | undefined>(columns).fill(undefined);
  const several = new Uint8Array(columns);
  const someUp = new Uint8Array(columns);
  let from = 0;
  for (const g of runs) {
    // The first column that ends after the run starts; later runs start no earlier.
    while (from < columns && !(g.start < b[from]!)) from++;
    for (let j = from; j < columns && a[j]! < g.end; j++) {
      if (g.end <= a[j]! || g.start >= b[j]!) continue;
      if (first[j] === undefined) first[j] = g.value;
      else if (first[j] !== g.value) several[j] = 1;
      if (g.value === true || typeof g.value === 'string') someUp[j] = 1;
    }
  }
  const cells: Cell[] = [];
  for (let j = 0; j < columns; j++) {
    const v = first[j];
    if (v !== undefined && several[j] === 0) cells.push(v === true ? 'up' : v === false || v === null ? 'down' : { leader: v });
    else cells.push(someUp[j] === 1 ? 'partly' : 'down');
  }
  return cells;
}

/** The row's characters; with colour, one escape per run of cells of the same colour. */
function paint(cells: readonly Cell[], glyphs: readonly [string, string, string], color: boolean): string {
  const [up, partly, down] = glyphs;
  let text = '';
  let open: keyof typeof ANSI | undefined;
  for (const c of cells) {
    let ch: string;
    let tone: keyof typeof ANSI;
    if (typeof c === 'object') {
      const n = /(\d+)$/.exec(c.leader)?.[1] ?? '?';
      ch = n.length === 1 ? n : '+';
      tone = 'leader';
    } else {
      ch = c === 'up' ? up : c === 'partly' ? partly : down;
      tone = c;
    }
    if (color && tone !== open) {
      text += `${open === undefined ? '' : ANSI.reset}${ANSI[tone]}`;
      open = tone;
    }
    text += ch;
  }
  return color && open !== undefined ? `${text}${ANSI.reset}` : text;
}

/** Clock labels under the chart: at the start, the middle (when there is room) and the end. */
function axis(from: SimTime, to: SimTime, width: number): string {
  const chars = new Array<string>(width).fill(' ');
  const put = (text: string, at: number) => {
    for (let i = 0; i < text.length && at + i < width; i++) if (at + i >= 0) chars[at + i] = text[i]!;
  };
  const start = formatClock(from);
  const end = formatClock(to);
  const mid = formatClock((from + to) / 2);
  put(start, 0);
  const midAt = Math.round(width / 2 - mid.length / 2);
  if (midAt > start.length + 2 && midAt + mid.length + 2 < width - end.length) put(mid, midAt);
  if (width >= start.length + end.length + 1) put(end, width - end.length);
  return chars.join('').trimEnd();
}
