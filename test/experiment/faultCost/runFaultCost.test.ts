/** Paired runs without each scripted fault, on common random numbers: the cost is each replication's own difference. */
import { describe, expect, it } from 'vitest';
import { runFaultCost } from '../../../src/experiment/faultCost/runFaultCost.js';
import { faultCostRuns, faultVariants } from '../../../src/experiment/faultCost/faultVariants.js';
import { runDigests } from '../../../src/experiment/runDigests.js';
import type { ReplicationDigest } from '../../../src/experiment/Digest.js';
import { YEAR } from '../../../src/kernel/index.js';
import { parseScenario } from '../../../src/scenario/index.js';

// Two days, frequent random failures of etcd members and workers, and two scripted faults.
const TINY = (faults: string, workloads = true) => `apiVersion: kubesim/v1
kind: Scenario
metadata: { name: fault-cost-tiny }
spec:
  horizon: 2d
  replications: 5
  seed: 7
  failures:
    etcd: { mttf: 1d, mttr: 2h }
    worker: { mttf: 2d, mttr: 1h }
  clusters:
    - name: c
      model: multi-master
      controlPlane: { nodes: 3 }
      etcd: { members: 3, topology: stacked }
      workers: { nodes: 2 }
${workloads ? '      workloads:\n        - { name: web, replicas: 2 }\n' : ''}  faults:
${faults}`;
const CRASH = '    - { name: etcd-crash, at: 12h, crash: c/etcd-1, for: 6h }\n';
const WORKER = '    - { at: 1d, crash: c/worker-1, for: 3h }\n';

const REPS = [0, 1, 2, 3, 4];
const down = (digests: readonly ReplicationDigest[], signal: string): number[] =>
  digests.map((d) => d.signals.find((x) => x.cluster === 'c' && x.signal === signal)!.downSeconds);

describe('runFaultCost', () => {
  it('should price each fault as the whole run minus the run without it written by hand, replication by replication', async () => {
    // Arrange: the whole scenario, and each fault left out of the text itself.
    const whole = parseScenario(TINY(CRASH + WORKER), 'tiny.yaml');
    const withoutCrash = parseScenario(TINY(WORKER), 'tiny.yaml');
    const withoutWorker = parseScenario(TINY(CRASH), 'tiny.yaml');
    const wholeDigests = runDigests(whole, REPS).digests;

    // Act
    const cost = await runFaultCost(whole, wholeDigests, { jobs: 1 });

    // Assert: each signal's mean is the mean of the per-replication differences with the hand-made runs, exactly.
    expect(cost.replications).toBe(5);
    expect(cost.faults.map((f) => [f.key, f.name, f.index])).toEqual([['etcd-crash', 'etcd-crash', 0], ['faults[1]', null, 1]]);
    expect(cost.together?.description).toBe('both scripted faults together');
    for (const [entry, without] of [[cost.faults[0]!, withoutCrash], [cost.faults[1]!, withoutWorker]] as const) {
      const other = runDigests(without, REPS).digests;
      for (const signal of ['etcdQuorum', 'apiWrite', 'workloads']) {
        const a = down(wholeDigests, signal);
        const b = down(other, signal);
        const perReplication = a.map((x, i) => ((x - b[i]!) / whole.horizon) * YEAR);
        const mean = perReplication.reduce((s, x) => s + x, 0) / perReplication.length;
        expect(entry.perSignal['c']![signal]!.downtimeSecondsPerYear, `${entry.key} ${signal}`).toBeCloseTo(mean, 3);
        expect(entry.perSignal['c']![signal]!.trust.differing).toBe(perReplication.filter((x) => x !== 0).length);
      }
    }
    // The etcd crash costs quorum in some replication (random etcd failures at the same time).
    expect(cost.faults[0]!.perSignal['c']!['etcdQuorum']!.trust.differing).toBeGreaterThan(0);
  });

  it('should find an inert fault costless in every replication, though random failures vary between them (common random numbers)', async () => {
    // Arrange: without workloads, a worker crash touches no signal; random etcd failures still do.
    const s = parseScenario(TINY(WORKER, false), 'tiny.yaml');
    const digests = runDigests(s, REPS).digests;
    expect(new Set(down(digests, 'etcdQuorum')).size).toBeGreaterThan(1);

    // Act
    const cost = await runFaultCost(s, digests, { jobs: 1 });

    // Assert: had removing the fault shifted any stream, some replication would differ.
    for (const [cluster, signals] of Object.entries(cost.faults[0]!.perSignal)) {
      for (const [signal, c] of Object.entries(signals)) {
        expect(c.trust.differing, `${cluster} ${signal}`).toBe(0);
        expect(c.downtimeSecondsPerYear).toBe(0);
      }
    }
  });

  it('should give the same costs on 2 threads as on 1', async () => {
    const s = parseScenario(TINY(CRASH + WORKER), 'tiny.yaml');
    const digests = runDigests(s, REPS).digests;
    expect(await runFaultCost(s, digests, { jobs: 2 })).toEqual(await runFaultCost(s, digests, { jobs: 1 }));
  });
});

describe('faultVariants', () => {
  it('should leave out one fault each, then all of them with two or more, changing nothing else', () => {
    const s = parseScenario(TINY(CRASH + WORKER), 'tiny.yaml');
    const variants = faultVariants(s);
    expect(variants.map((v) => v.scenario.faults.length)).toEqual([1, 1, 0]);
    expect(variants[0]!.scenario.faults[0]).toBe(s.faults[1]);
    expect(variants[0]!.description).toBe('crash c/etcd-1 for 6h');
    for (const v of variants) expect({ ...v.scenario, faults: [] }).toEqual({ ...s, faults: [] });
    expect(faultCostRuns(s)).toBe(1 + variants.length);
    // One fault: its variant already has none, so there is no separate run without all.
    expect(faultCostRuns(parseScenario(TINY(CRASH), 'tiny.yaml'))).toBe(2);
  });
});
