/**
 * A worker without pods going down or coming back, while no pod waits for room, is a change no
 * model reads at an evaluation: the world skips the settle it used to schedule for it
 * (SettleScheduler.unseen). These tests hold the skipping to the reference that evaluates after
 * every change (ReplicationOptions.settleEveryChange): every result, byte for byte, and the trace.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digest } from '../../../src/experiment/Digest.js';
import { runReplication, type ReplicationResult } from '../../../src/model/Replication.js';
import { buildTopology } from '../../../src/model/Topology.js';
import { parseScenario } from '../../../src/scenario/parseScenario.js';
import { scenarioFromRaw } from '../../../src/scenario/scenarioFromRaw.js';
import type { Scenario } from '../../../src/scenario/Scenario.js';
import { runs } from '../../runs.js';
import { arbRawScenario } from '../../scenario/arbitraries.js';

/** Everything a replication reports but its event count (which is what the skipping lowers). */
function results(r: ReplicationResult): string {
  const { events: _events, ...rest } = digest(r);
  return JSON.stringify(rest);
}

function both(s: Scenario, trace: boolean): { skipped: ReplicationResult; every: ReplicationResult } {
  const topology = buildTopology(s);
  return {
    skipped: runReplication(s, topology, 0, { trace }),
    every: runReplication(s, topology, 0, { trace, settleEveryChange: true }),
  };
}

/** The generated scenarios with many more workers than pods: most worker failures are on empty workers. */
const arbManyWorkers = fc.tuple(arbRawScenario, fc.integer({ min: 4, max: 40 }), fc.integer({ min: 1, max: 3 })).map(([raw, extra, podsPerNode]) => {
  const spec = raw['spec'] as { clusters: Record<string, unknown>[] };
  const clusters = spec.clusters.map((c) => {
    const workers = c['workers'] as { nodes: number } | undefined;
    // single-server clusters have no worker count of their own.
    return workers === undefined ? c : { ...c, workers: { nodes: workers.nodes + extra, podsPerNode } };
  });
  return scenarioFromRaw({ ...raw, spec: { ...spec, clusters } }, 'generated.yaml');
});

describe('changes no model sees', () => {
  it('should give the same results and trace as evaluating after every change, on random scenarios with many empty workers', () => {
    fc.assert(
      fc.property(arbManyWorkers, fc.boolean(), (s, trace) => {
        const { skipped, every } = both(s, trace);
        expect(results(skipped)).toBe(results(every));
        if (trace) expect(JSON.stringify(skipped.trace)).toBe(JSON.stringify(every.trace));
        expect(skipped.events).toBeLessThanOrEqual(every.events);
      }),
      { numRuns: runs(150) },
    );
  });

  it('should skip most evaluations in a big cluster with few pods, and still agree', () => {
    const s = parseScenario(`
apiVersion: kubesim/v1
kind: Scenario
metadata: { name: few-pods }
spec:
  horizon: 30d
  seed: 7
  datacenters: [{ name: dc-a }, { name: dc-b }, { name: dc-c }]
  failures:
    etcd: { mttf: 30d, mttr: 1h }
    worker: { mttf: 10d, mttr: 4h }
  clusters:
    - name: prod
      model: multi-master
      datacenters: [dc-a, dc-b, dc-c]
      controlPlane: { nodes: 3 }
      etcd: { members: 3, topology: stacked }
      workers: { nodes: 300 }
      workloads:
        - { name: web, replicas: 6, minAvailable: 4 }
  faults:
    - { at: 5d, partition: [[dc-a]], for: 20m }
    - { at: 9d, outage: dc-b, for: 2h }
`, 'few-pods.yaml');
    const { skipped, every } = both(s, false);
    expect(results(skipped)).toBe(results(every));
    // About 900 worker failures in 30 days, nearly all on workers without pods: each used to cost
    // a settle when it went down and one when it came back.
    expect(every.events - skipped.events).toBeGreaterThan(1000);
  });

  it('should narrate a zone moved by a node Ready again at the same point of the instant, whatever else woke the world', () => {
    // The case the property above once found (fixtures/zone-note-order.json): a rolling upgrade of
    // member-a's workers, two at a time; at 38,760 s worker-2, without pods, comes back (Ready
    // again: its zone dc-b is back to normal) and worker-3, with a pod, goes down, at one instant.
    // The zone's note came before the workloads' signal when only worker-3 woke the world, and
    // after it in the reference, where worker-2's return had woken it first.
    const s = JSON.parse(readFileSync(new URL('./fixtures/zone-note-order.json', import.meta.url), 'utf8')) as Scenario;
    const { skipped, every } = both(s, true);
    const at = (r: ReplicationResult) => r.trace!.events.filter((e) => e.t === 38760).map((e) => (e.kind === 'note' ? e.text : `${e.kind}`));
    expect(at(every)).toContain('member-a node controller: zone dc-b is back to normal (2 of 5 nodes NotReady)');
    expect(at(skipped)).toEqual(at(every));
    expect(JSON.stringify(skipped.trace)).toBe(JSON.stringify(every.trace));
    expect(results(skipped)).toBe(results(every));
  });
});
