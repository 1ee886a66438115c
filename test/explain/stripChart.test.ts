/** The terminal strip chart: what each column shows, in Unicode and ASCII, with and without colour. */
import { describe, expect, it } from 'vitest';
import { runReplication } from '../../src/model/Replication.js';
import { buildTopology } from '../../src/model/Topology.js';
import { replaySteps } from '../../src/report/narrate/replaySteps.js';
import { stripChart } from '../../src/report/narrate/stripChart.js';
import type { Fault } from '../../src/scenario/Scenario.js';
import { cluster, scenario } from '../model/fixtures.js';

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
});
