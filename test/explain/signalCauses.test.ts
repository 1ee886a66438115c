/** `explain --signal`'s filter: which events count as causes of which signal, and that no change of the signal is ever dropped. */
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../src/model/Trace.js';
import { buildTopology } from '../../src/model/Topology.js';
import { explanation } from '../../src/report/narrate/explanation.js';
import type { NarratedStep } from '../../src/report/narrate/narrate.js';
import type { ReplayedStep, SignalChange } from '../../src/report/narrate/replaySteps.js';
import { signalFilter } from '../../src/report/narrate/signalCauses.js';
import { loadScenario } from '../../src/scenario/index.js';
import type { Scenario } from '../../src/scenario/Scenario.js';

const scenario = loadScenario('test/explain/fixtures/many-workers.yaml');
const topology = buildTopology(scenario);

/** A step of these events and signal changes (the filter reads nothing else). */
const step = (events: readonly TraceEvent[], changed: readonly SignalChange[] = []) => ({ t: 60, events, changed }) as unknown as ReplayedStep;
const crash = (name: string): TraceEvent => ({ t: 60, kind: 'component', name, up: false, cause: 'x' });
const note = (text: string): TraceEvent => ({ t: 60, kind: 'note', text });

const CASES: readonly [string, ReplayedStep, readonly string[], readonly string[]][] = [
  // [what, step, signals it moves, signals it does not]
  ['a worker goes down', step([crash('prod/worker-2')]), ['workloads', 'serving'], ['etcdQuorum', 'apiRead', 'apiWrite', 'scheduling']],
  ['an etcd member goes down', step([crash('prod/etcd-2')]), ['etcdQuorum', 'apiRead', 'apiWrite', 'scheduling', 'workloads'], []],
  ['an apiserver host goes down', step([crash('prod/cp-2')]), ['apiRead', 'apiWrite', 'scheduling'], ['etcdQuorum']],
  [
    'the leader changes',
    step([{ t: 60, kind: 'leader', cluster: 'prod', leader: null, term: 1, reason: 'x' }]),
    ['apiWrite', 'scheduling', 'workloads'],
    ['etcdQuorum', 'apiRead'],
  ],
  ['a partition starts', step([{ t: 60, kind: 'partition', groups: [['dc-a'], ['dc-b']], active: true }]), ['etcdQuorum', 'apiWrite', 'workloads'], []],
  ['etcdQuorum goes down', step([], [{ key: 'prod/etcdQuorum', up: false }]), ['etcdQuorum', 'apiWrite', 'scheduling'], ['apiRead']],
  ['workloads go down alone', step([], [{ key: 'prod/workloads', up: false }]), ['workloads', 'serving'], ['apiWrite', 'scheduling']],
  ['a scheduler lease moves', step([note('kube-scheduler on cp-3 acquires the lease')]), ['scheduling', 'workloads'], ['apiWrite']],
  ['a kubelet goes NotReady', step([note('prod/worker-2: its kubelet last renewed its lease at 00:00:00')]), ['workloads'], ['scheduling', 'apiWrite']],
  ['a tenant runs away', step([{ t: 60, kind: 'fault', fault: 'runaway', text: 'x' }]), ['workloads'], ['apiWrite']],
];

describe('signalFilter', () => {
  it.each(CASES)('should keep a step where %s for its signals, and not for the others', (_what, s, moves, not) => {
    for (const signal of moves) expect(signalFilter(scenario, topology, 'prod', signal).keeps(s), signal).toBe(true);
    for (const signal of not) expect(signalFilter(scenario, topology, 'prod', signal).keeps(s), signal).toBe(false);
  });

  it('should follow a global signal to the clusters it is computed from', () => {
    const multi = loadScenario('scenarios/multi-cluster.yaml');
    const f = signalFilter(multi, buildTopology(multi), 'global', 'management');
    expect(f.keeps(step([crash('mgmt/etcd-1')]))).toBe(true);
    expect(f.keeps(step([], [{ key: 'mgmt/apiWrite', up: false }]))).toBe(true);
    expect(f.keeps(step([crash('east/etcd-1')]))).toBe(false);
    expect(f.causes).toContain("mgmt's etcd members");
  });
});

/** Seconds a signal of the first cluster is down over narrated steps (each holds the state after it). */
function downSeconds(steps: readonly NarratedStep[], signal: string, horizon: number): number {
  return steps.reduce((down, s, i) => down + (s.state.clusters[0]!.signals[signal] === false ? (steps[i + 1]?.t ?? horizon) - s.t : 0), 0);
}

describe('explain --signal on real runs', () => {
  const explain = (s: Scenario, signal?: string) =>
    explanation(s, { replication: 0, from: 0, to: s.horizon, chartWidth: 40, unicode: false, color: false, ...(signal === undefined ? {} : { signal: { cluster: 'prod', signal } }) });

  it.each(['test/explain/fixtures/many-workers.yaml', 'scenarios/az-partition.yaml'])('should keep every change of every signal of %s: its downtime is the same told or filtered', (file) => {
    const s = loadScenario(file);
    const all = explain(s);
    for (const signal of ['etcdQuorum', 'apiWrite', 'apiRead', 'scheduling', 'workloads', 'serving']) {
      const kept = explain(s, signal);
      expect(kept.steps.length, signal).toBeLessThanOrEqual(all.steps.length);
      expect(downSeconds(kept.steps, signal, s.horizon), signal).toBeCloseTo(downSeconds(all.steps, signal, s.horizon), 9);
      expect(kept.kept, signal).toMatch(new RegExp(`^${kept.steps.length} of ${all.steps.length} steps: `));
    }
  });
});
