/** Invariants of the model over random topologies, failures and scripted faults. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runReplication } from '../../src/model/Replication.js';
import { buildTopology } from '../../src/model/Topology.js';
import type { Fault, Scenario } from '../../src/scenario/Scenario.js';
import { cluster, exp, scenario } from './fixtures.js';

const HOUR = 3600;

/** Random small scenarios: 1..7 members, stacked or external, 1..3 datacenters, failures and faults. */
const arbScenario: fc.Arbitrary<Scenario> = fc
  .record({
    members: fc.integer({ min: 1, max: 7 }),
    external: fc.boolean(),
    dcs: fc.integer({ min: 1, max: 3 }),
    workers: fc.integer({ min: 0, max: 4 }),
    replicas: fc.integer({ min: 1, max: 6 }),
    preVote: fc.boolean(),
    seed: fc.integer({ min: 0, max: 1000 }),
    faults: fc.array(
      fc.record({
        kind: fc.constantFrom('crash', 'outage', 'partition'),
        at: fc.integer({ min: 0, max: 20 * HOUR }),
        duration: fc.integer({ min: 1, max: 2 * HOUR }),
        pick: fc.nat(),
      }),
      { maxLength: 5 },
    ),
  })
  .map((p) => {
    const dcs = ['dc-a', 'dc-b', 'dc-c'].slice(0, p.dcs);
    const c = cluster({
      datacenters: dcs,
      controlPlane: { nodes: p.external ? 3 : p.members },
      etcd: { members: p.members, topology: p.external ? 'external' : 'stacked' },
      workers: { nodes: p.workers },
      workloads: p.workers > 0 ? [{ name: 'web', replicas: p.replicas, minAvailable: 1 }] : [],
    });
    const names = [
      ...Array.from({ length: p.members }, (_, i) => `prod/etcd-${i + 1}`),
      ...Array.from({ length: c.controlPlane.nodes }, (_, i) => `prod/cp-${i + 1}`),
      ...Array.from({ length: p.workers }, (_, i) => `prod/worker-${i + 1}`),
      'prod/lb',
      'prod/etcd-leader',
    ];
    const faults: Fault[] = p.faults.map((f) => {
      if (f.kind === 'crash') return { kind: 'crash', at: f.at, target: names[f.pick % names.length]!, duration: f.duration };
      if (f.kind === 'outage') return { kind: 'outage', at: f.at, target: dcs[f.pick % dcs.length]!, duration: f.duration };
      return { kind: 'partition', at: f.at, groups: [[dcs[f.pick % dcs.length]!]], duration: f.duration };
    });
    return scenario({
      horizon: 24 * HOUR,
      seed: p.seed,
      clusters: [c],
      faults,
      raft: { preVote: p.preVote },
      failures: {
        etcd: { mttf: exp(10 * HOUR), mttr: exp(HOUR) },
        controlPlane: { mttf: exp(20 * HOUR), mttr: exp(HOUR) },
        worker: { mttf: exp(10 * HOUR), mttr: exp(2 * HOUR) },
        loadBalancer: { mttf: exp(50 * HOUR), mttr: exp(600) },
      },
      datacenters: dcs.map((name) => ({ name, outage: { mttf: exp(40 * HOUR), mttr: exp(HOUR) } })),
    });
  });

describe('model invariants', () => {
  it('should conserve time: up time + down time = horizon for every signal', () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const r = runReplication(s, buildTopology(s), 0);
        for (const x of r.signals) {
          expect(Math.abs(x.stats.upTime + x.stats.downTime - s.horizon)).toBeLessThan(1e-6 * s.horizon);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('should never have writes without quorum, scheduling without writes, or two leaders in one term', () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const r = runReplication(s, buildTopology(s), 0, { trace: true });
        const state = new Map<string, boolean>();
        const leaderOfTerm = new Map<number, string>();
        const events = r.trace!.events;
        for (let i = 0; i < events.length; i++) {
          const e = events[i]!;
          if (e.kind === 'signal') state.set(e.key, e.up);
          if (e.kind === 'leader' && e.leader !== null) {
            const before = leaderOfTerm.get(e.term);
            expect(before === undefined || before === e.leader).toBe(true);
            leaderOfTerm.set(e.term, e.leader);
          }
          // Check once all changes at this instant are applied.
          if (i + 1 === events.length || events[i + 1]!.t !== e.t) {
            if (state.get('prod/apiWrite')) expect(state.get('prod/etcdQuorum')).toBe(true);
            if (state.get('prod/scheduling')) expect(state.get('prod/apiWrite')).toBe(true);
          }
        }
        // Terms only grow along the trace.
        const terms = events.flatMap((e) => (e.kind === 'leader' && e.leader !== null ? [e.term] : []));
        for (let i = 1; i < terms.length; i++) expect(terms[i]!).toBeGreaterThan(terms[i - 1]!);
      }),
      { numRuns: 60 },
    );
  });

  it('should give the same result for the same seed and replication (determinism)', () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const t = buildTopology(s);
        const a = runReplication(s, t, 3, { trace: true });
        const b = runReplication(s, t, 3, { trace: true });
        expect(JSON.stringify(a.trace)).toBe(JSON.stringify(b.trace));
      }),
      { numRuns: 20 },
    );
  });
});
