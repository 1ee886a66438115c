/** Workers told by datacenter: the host lists and the notes of one step, and what each mode names. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../src/model/Trace.js';
import { buildTopology } from '../../src/model/Topology.js';
import { happenedPhrases } from '../../src/report/narrate/happenedPhrases.js';
import { shortener } from '../../src/report/narrate/phrases.js';
import { FEW_WORKERS, hostList, workerPlaces } from '../../src/report/narrate/workerGroups.js';
import { loadScenario } from '../../src/scenario/index.js';

// 30 workers over dc-a, dc-b, dc-c: worker-i in datacenter (i - 1) mod 3.
const topology = buildTopology(loadScenario('test/explain/fixtures/many-workers.yaml'));
const places = workerPlaces(topology);
const short = shortener(['prod']);
const worker = (i: number) => `prod/worker-${i}`;
const inB = (n: number) => Array.from({ length: n }, (_, k) => worker(3 * k + 2));
const down = (name: string, cause = 'scripted outage: dc-b goes dark'): TraceEvent => ({ t: 60, kind: 'component', name, up: false, cause });
const note = (text: string): TraceEvent => ({ t: 60, kind: 'note', text });

describe('hostList', () => {
  it.each([
    // [names, expected, why]
    [['prod/cp-2', 'prod/etcd-2', ...inB(10)], 'cp-2, etcd-2, 10 workers in dc-b', 'ten of a datacenter: one count, at the place of the first'],
    [inB(FEW_WORKERS), 'worker-2, worker-5, worker-8', 'a few are named'],
    [[...inB(4), worker(1)], '4 workers in dc-b, worker-1', 'four of dc-b counted, the one of dc-a named'],
    [['prod/cp-1'], 'cp-1', 'no worker: as given'],
  ])('should tell %j as %j (%s)', (names, expected) => {
    expect(hostList(names, places, short, false)).toBe(expected);
  });

  it('should name every one with verbose', () => {
    expect(hostList(inB(10), places, short, true)).toBe(inB(10).map(short).join(', '));
  });

  it('should account for every worker given, named or counted, and name none twice', () => {
    const names = topology.components.map((c) => c.name);
    fc.assert(
      fc.property(fc.subarray(names), (given) => {
        const parts = hostList(given, places, short, false).split(', ').filter((p) => p !== '');
        const counted = parts.map((p) => /^(\d+) workers in /.exec(p)).reduce((a, m) => a + (m ? Number(m[1]) : 0), 0);
        const named = parts.filter((p) => !/^\d+ workers in /.test(p));
        expect(new Set(named).size).toBe(named.length);
        expect(named.length + counted).toBe(given.length);
      }),
    );
  });
});

describe('happenedPhrases with worker places', () => {
  const outage = [down('prod/cp-2'), ...inB(10).map((w) => down(w)), ...inB(10).map((w) => note(`${w}: its kubelet renews its lease again: Ready`))];

  it('should count the workers in the list and tell their ten identical notes as one phrase', () => {
    expect(happenedPhrases(outage, short, { places })).toEqual([
      'scripted outage: dc-b goes dark (cp-2, 10 workers in dc-b down)',
      'each of 10 workers in dc-b: its kubelet renews its lease again: Ready',
    ]);
  });

  it('should name each worker once in the step with verbose', () => {
    const text = happenedPhrases(outage, short, { places, verbose: true }).join('; ');
    for (const w of inB(10).map(short)) expect(text.match(new RegExp(`\\b${w}\\b`, 'g')), w).toHaveLength(1);
    expect(text).toContain('each of 10 workers in dc-b: its kubelet');
  });

  it('should tell notes that differ only in their numbers by the first, and leave a few notes as they are', () => {
    const notReady = inB(5).map((w, k) => note(`${w}: its kubelet last renewed its lease at 00:00:0${k}; NotReady at 00:01:00`));
    expect(happenedPhrases(notReady, short, { places })).toEqual(['5 workers in dc-b, like worker-2: its kubelet last renewed its lease at 00:00:00; NotReady at 00:01:00']);
    const few = notReady.slice(0, FEW_WORKERS);
    expect(happenedPhrases(few, short, { places })).toEqual(few.map((e) => short((e as { text: string }).text)));
  });

  it('should tell every note as before without places', () => {
    expect(happenedPhrases(outage, short)).toHaveLength(11);
  });
});
