/** A plain-text strip chart of etcd members, the leader and every signal over a window, for terminals. */
import { formatClock, formatDuration, type SimTime } from '../../kernel/index.js';
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

interface Row {
  readonly label: string;
  /** The row's value in a state: up or down, or the leader's name (null: no leader). */
  readonly value: (s: Snapshot) => boolean | string | null;
}

/**
 * One row per voting etcd member, one for the leader (the number of the member that leads),
 * one for the network when a partition happens in the window, one per other component that
 * goes down in it, and one per signal. A column covers (to - from) / width seconds and shows
 * whether the row was up the whole time, down part of it, or down the whole time, so that even
 * an election of a second in an hour-long window leaves a mark.
 */
export function stripChart(steps: readonly ReplayedStep[], o: StripChartOptions): string {
  const first = steps[0];
  if (first === undefined || !(o.to > o.from) || o.width < 1) return '';
  const short = shortener(first.after.clusters.map((c) => c.name));
  const until = Math.min(o.until ?? Infinity, o.to);
  const segments = steps
    .filter((s) => s.t <= until)
    .map((s, i, shown) => ({ start: s.t, end: Math.min(shown[i + 1]?.t ?? Infinity, until), state: s.after }))
    .filter((g) => g.end > o.from && g.start < o.to);
  const rows = chartRows(segments.map((g) => g.state), first.after, short);
  const dt = (o.to - o.from) / o.width;
  const glyphs = o.unicode ? GLYPHS.unicode : GLYPHS.ascii;
  const labelWidth = Math.max(...rows.map((r) => r.label.length)) + 2;
  const lines = [`Timeline ${formatClock(o.from)} to ${formatClock(o.to)}, one column = ${formatDuration(dt)}`];
  for (const row of rows) {
    const cells: Cell[] = [];
    for (let j = 0; j < o.width; j++) {
      const a = o.from + j * dt;
      if (a >= until && until < o.to) break; // not yet: blank
      const b = Math.min(j === o.width - 1 ? o.to : a + dt, until < o.to ? Math.max(until, a + 1e-9) : Infinity);
      cells.push(cell(segments, row, a, b));
    }
    lines.push(`${row.label.padEnd(labelWidth)}${paint(cells, glyphs, o.color)}`);
  }
  lines.push(' '.repeat(labelWidth) + axis(o.from, o.to, o.width));
  const [up, partly, down] = glyphs;
  lines.push(`${' '.repeat(labelWidth)}${up} up   ${partly} down part of the time   ${down} down   1-9: the etcd member that leads`);
  return `${lines.join('\n')}\n`;
}

function chartRows(states: readonly Snapshot[], initial: Snapshot, short: (s: string) => string): Row[] {
  const rows: Row[] = [];
  const members = new Set<string>();
  initial.clusters.forEach((c, ci) => {
    c.members.forEach((m, k) => {
      members.add(m.name);
      rows.push({ label: short(m.name), value: (s) => s.clusters[ci]!.members[k]!.up });
    });
    rows.push({ label: short(`${c.name}/leader`), value: (s) => s.clusters[ci]!.leader });
  });
  if (states.some((s) => s.partitions.length > 0)) rows.push({ label: 'network', value: (s) => s.partitions.length === 0 });
  const others = [...new Set(states.flatMap((s) => s.down))].filter((n) => !members.has(n));
  for (const name of others) rows.push({ label: short(name), value: (s) => !s.down.includes(name) });
  const last = states.at(-1) ?? initial;
  last.clusters.forEach((c, ci) => {
    for (const sig of Object.keys(c.signals)) rows.push({ label: short(`${c.name}/${sig}`), value: (s) => s.clusters[ci]!.signals[sig] !== false });
  });
  for (const sig of Object.keys(last.global)) rows.push({ label: `global/${sig}`, value: (s) => s.global[sig] !== false });
  return rows;
}

function cell(segments: readonly { start: SimTime; end: SimTime; state: Snapshot }[], row: Row, a: SimTime, b: SimTime): Cell {
  const seen = new Set<boolean | string | null>();
  for (const g of segments) {
    if (g.end <= a || g.start >= b) continue;
    seen.add(row.value(g.state));
  }
  if (seen.size === 1) {
    const v = [...seen][0]!;
    if (v === true) return 'up';
    if (v === false || v === null) return 'down';
    return { leader: v };
  }
  return seen.has(true) || [...seen].some((v) => typeof v === 'string') ? 'partly' : 'down';
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
