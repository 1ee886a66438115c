/** The terminal strip chart: what each column shows, in Unicode and ASCII, with and without colour. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runReplication } from '../../src/model/Replication.js';
import { buildTopology } from '../../src/model/Topology.js';
import { shortener } from '../../src/report/narrate/phrases.js';
import { replaySteps, type ReplayedStep } from '../../src/report/narrate/replaySteps.js';
import { stripChart, type StripChartOptions } from '../../src/report/narrate/stripChart.js';
import type { Snapshot } from '../../src/report/narrate/TraceReplay.js';
import type { Fault } from '../../src/scenario/Scenario.js';
import { cluster, scenario } from '../model/fixtures.js';
import { runs } from '../runs.js';
import { ARB_HORIZON, arbScenario } from '../scenario/arbitraries.js';

function steps(faults: Fault[]) {
  const s = scenario({ horizon: 600, clusters: [cluster()], faults });
  const topology = buildTopology(s);
  return replaySteps(runReplication(s, topology, 0, { trace: true }).trace!, topology);
}

function row(chart: string, label: string): string {
  const line = chart.split('\n').find((l) => l.startsWith(`${label} `));
  if (line === undefined) throw new Error(`no row ${label} in\n${chart}`);
  return line.slice(label.length).trimStart();
}

describe('stripChart', () => {
  // Two of three members down from 120 s to 240 s (columns 2 and 3 of 10, 60 s each).
  const twoDown = steps([
    { kind: 'crash', at: 120, target: 'prod/etcd-2', duration: 120 },
    { kind: 'crash', at: 120, target: 'prod/etcd-3', duration: 120 },
  ]);
  const ascii = stripChart(twoDown, { from: 0, to: 600, width: 10, unicode: false, color: false });

  it('should draw whole columns up or down, and mark a column down part of the time', () => {
    expect(row(ascii, 'etcd-2')).toBe('##..######');
    expect(row(ascii, 'etcdQuorum')).toBe('##..######');
    // Writes wait for an election after the members return: column 4 is down part of the time.
    expect(row(ascii, 'apiWrite')).toBe('##..+#####');
  });

  it('should show which member leads, and no leader once check-quorum makes it step down', () => {
    expect(row(ascii, 'leader')).toMatch(/^11\+\.[+1-3][1-3]{5}$/);
  });

  it('should use block characters in Unicode, and ANSI colours only when asked', () => {
    const unicode = stripChart(twoDown, { from: 0, to: 600, width: 10, unicode: true, color: false });
    expect(row(unicode, 'etcd-2')).toBe('██··██████');
    expect(unicode).not.toContain('\x1b[');
    const coloured = stripChart(twoDown, { from: 0, to: 600, width: 10, unicode: true, color: true });
    expect(coloured).toContain('\x1b[0m\x1b[31m··\x1b[0m\x1b[32m██████\x1b[0m');
  });

  it('should leave out components that never went down, and add a network row only for partitions', () => {
    expect(ascii).not.toMatch(/^cp-1 /m);
    expect(ascii).not.toMatch(/^network /m);
    const cut = steps([{ kind: 'partition', at: 60, groups: [['prod/etcd-3']], duration: 60 }]);
    expect(row(stripChart(cut, { from: 0, to: 600, width: 10, unicode: false, color: false }), 'network')).toBe('#.########');
  });

  it('should chart only the window it is given', () => {
    const window = stripChart(twoDown, { from: 120, to: 240, width: 4, unicode: false, color: false });
    expect(row(window, 'etcd-2')).toBe('....');
    expect(window).toContain('Timeline 00:02:00 to 00:04:00, one column = 30s');
  });

  it('should draw only what happened so far, on the whole window\'s scale (explain --step)', () => {
    const soFar = (until: number) => stripChart(twoDown, { from: 0, to: 600, width: 10, unicode: false, color: false, until });
    expect(row(soFar(180), 'etcd-2')).toBe('##.');
    expect(row(soFar(150), 'etcd-2')).toBe('##.'); // the third column so far holds 120-150 s: all down
    expect(soFar(180)).toContain('Timeline 00:00:00 to 00:10:00, one column = 1m');
    expect(soFar(600)).toBe(ascii);
    // Nothing after `until` is known: a partition later in the run adds no row yet.
    const cut = steps([{ kind: 'partition', at: 300, groups: [['prod/etcd-3']], duration: 60 }]);
    expect(stripChart(cut, { from: 0, to: 600, width: 10, unicode: false, color: false, until: 200 })).not.toMatch(/^network /m);
  });

  it('should fold a cluster\'s workers into one row past 6 failed ones, down while any of them is, as the report\'s timeline does', () => {
    const crashes = (k: number): Fault[] => Array.from({ length: k }, (_, i) => ({ kind: 'crash', at: 60 + 60 * i, target: `prod/worker-${i + 1}`, duration: 30 }));
    const chart = (k: number) => {
      const s = scenario({ horizon: 600, clusters: [cluster({ workers: { nodes: 10 } })], faults: crashes(k) });
      const topology = buildTopology(s);
      return stripChart(replaySteps(runReplication(s, topology, 0, { trace: true }).trace!, topology), { from: 0, to: 600, width: 20, unicode: false, color: false });
    };
    const six = chart(6);
    expect(row(six, 'worker-1')).toBe('##.#################');
    expect(six).not.toMatch(/^workers /m);
    const seven = chart(7);
    expect(seven).not.toMatch(/^worker-\d/m);
    // Worker i is down from 60i to 60i + 30 s: columns of 30 s, every other one down from the third.
    expect(row(seven, 'workers')).toBe('##.#.#.#.#.#.#.#####');
    expect(seven).toContain('workers: 7 failed workers on one row (past 6), down while any of them is');
  });

  it('should draw every row as the plain definition does: each column from every step that overlaps it (random runs, windows and widths)', () => {
    const arbChart = fc.record({
      s: arbScenario,
      from: fc.double({ min: 0, max: ARB_HORIZON, noNaN: true }),
      span: fc.double({ min: 1, max: ARB_HORIZON, noNaN: true }),
      width: fc.integer({ min: 1, max: 90 }),
      until: fc.option(fc.double({ min: 0, max: 1.2 * ARB_HORIZON, noNaN: true }), { nil: undefined }),
    });
    fc.assert(
      fc.property(arbChart, ({ s, from, span, width, until }) => {
        const topology = buildTopology(s);
        const replayed = replaySteps(runReplication(s, topology, 0, { trace: true }).trace!, topology);
        const o: StripChartOptions = { from, to: from + span, width, unicode: false, color: false, ...(until === undefined ? {} : { until }) };
        const expected = plainRows(replayed, o);
        const chart = stripChart(replayed, o).split('\n');
        const labelWidth = Math.max(...expected.map(([label]) => label.length)) + 2;
        const drawn = chart.slice(1, 1 + expected.length).map((l) => [l.slice(0, labelWidth).trimEnd(), l.slice(labelWidth)]);
        expect(drawn).toEqual(expected);
      }),
      { numRuns: runs(60) },
    );
  });
});

/**
 * The chart's rows by its definition, the slow way (what stripChart did until it went run by
 * run): for every column, the values of every step's span that overlaps it.
 */
function plainRows(steps: readonly ReplayedStep[], o: StripChartOptions): [string, string][] {
  const short = shortener(steps[0]!.after.clusters.map((c) => c.name));
  const until = Math.min(o.until ?? Infinity, o.to);
  const segments = steps
    .filter((x) => x.t <= until)
    .map((x, i, shown) => ({ start: x.t, end: Math.min(shown[i + 1]?.t ?? Infinity, until), state: x.after }))
    .filter((g) => g.end > o.from && g.start < o.to);
  const states = segments.map((g) => g.state);
  const rows: [string, (x: Snapshot) => boolean | string | null][] = [];
  const members = new Set<string>();
  steps[0]!.after.clusters.forEach((c, ci) => {
    c.members.forEach((m, k) => {
      members.add(m.name);
      rows.push([short(m.name), (x) => x.clusters[ci]!.members[k]!.up]);
    });
    rows.push([short(`${c.name}/leader`), (x) => x.clusters[ci]!.leader]);
  });
  if (states.some((x) => x.partitions.length > 0)) rows.push(['network', (x) => x.partitions.length === 0]);
  for (const name of new Set(states.flatMap((x) => x.down))) if (!members.has(name)) rows.push([short(name), (x) => !x.down.includes(name)]);
  const last = states.at(-1) ?? steps[0]!.after;
  last.clusters.forEach((c, ci) => {
    for (const sig of Object.keys(c.signals)) rows.push([short(`${c.name}/${sig}`), (x) => x.clusters[ci]!.signals[sig] !== false]);
  });
  for (const sig of Object.keys(last.global)) rows.push([`global/${sig}`, (x) => x.global[sig] !== false]);
  const dt = (o.to - o.from) / o.width;
  return rows.map(([label, value]) => {
    let cells = '';
    for (let j = 0; j < o.width; j++) {
      const a = o.from + j * dt;
      if (a >= until && until < o.to) break;
      const b = Math.min(j === o.width - 1 ? o.to : a + dt, until < o.to ? Math.max(until, a + 1e-9) : Infinity);
      const seen = new Set(segments.filter((g) => !(g.end <= a || g.start >= b)).map((g) => value(g.state)));
      const only = seen.size === 1 ? [...seen][0]! : undefined;
      if (only === true) cells += '#';
      else if (only === false || only === null) cells += '.';
      else if (typeof only === 'string') cells += /(\d)$/.test(only) && !/\d\d$/.test(only) ? only.at(-1)! : '+';
      else cells += seen.has(true) || [...seen].some((v) => typeof v === 'string') ? '+' : '.';
    }
    return [label, cells];
  });
}
