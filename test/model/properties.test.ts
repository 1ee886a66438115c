/** Invariants of the model over random valid scenarios (test/scenario/arbitraries.ts): every model, topology and fault kind. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runReplication } from '../../src/model/Replication.js';
import { buildTopology } from '../../src/model/Topology.js';
import type { Scenario } from '../../src/scenario/Scenario.js';
import { runs } from '../runs.js';
import { arbScenario } from '../scenario/arbitraries.js';

/** The learners of each cluster: the last etcd numbers (scenario/components.ts). */
function learnerNames(s: Scenario): Set<string> {
  return new Set(
    s.clusters.flatMap((c) => Array.from({ length: c.etcd.learners }, (_, i) => `${c.name}/etcd-${c.etcd.members + i + 1}`)),
  );
}

describe('model invariants', () => {
  it('should conserve time: up time + down time = horizon for every signal', () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const r = runReplication(s, buildTopology(s), 0);
        for (const x of r.signals) {
          expect(Math.abs(x.stats.upTime + x.stats.downTime - s.horizon), `${x.cluster}/${x.signal}`).toBeLessThan(1e-6 * s.horizon);
        }
      }),
      { numRuns: runs(200) },
    );
  });

  it('should never have writes without quorum, scheduling without writes, a learner leading or two leaders in one term', () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const r = runReplication(s, buildTopology(s), 0, { trace: true });
        const learners = learnerNames(s);
        const state = new Map<string, boolean>();
        const leaderOfTerm = new Map<string, string>();
        const lastTerm = new Map<string, number>();
        const events = r.trace!.events;
        for (let i = 0; i < events.length; i++) {
          const e = events[i]!;
          if (e.kind === 'signal') state.set(e.key, e.up);
          if (e.kind === 'leader' && e.leader !== null) {
            const key = `${e.cluster} term ${e.term}`;
            const before = leaderOfTerm.get(key);
            expect(before === undefined || before === e.leader, `${key}: ${before} and ${e.leader}`).toBe(true);
            leaderOfTerm.set(key, e.leader);
            expect(learners.has(e.leader), `${e.leader} is a learner but leads ${key}`).toBe(false);
            // Terms never go down along the trace, cluster by cluster (a paused leader that resumes
            // announces its own term again; the check above makes it the same leader).
            expect(e.term, `${e.cluster} at ${e.t}`).toBeGreaterThanOrEqual(lastTerm.get(e.cluster) ?? -Infinity);
            lastTerm.set(e.cluster, e.term);
          }
          // Check once all changes at this instant are applied.
          if (i + 1 === events.length || events[i + 1]!.t !== e.t) {
            for (const c of s.clusters) {
              const at = `${c.name} at ${e.t}`;
              if (state.get(`${c.name}/apiWrite`)) expect(state.get(`${c.name}/etcdQuorum`), `apiWrite without quorum, ${at}`).toBe(true);
              if (state.get(`${c.name}/scheduling`)) expect(state.get(`${c.name}/apiWrite`), `scheduling without apiWrite, ${at}`).toBe(true);
            }
          }
        }
      }),
      { numRuns: runs(200) },
    );
  });

  it('should give the same result for the same seed and replication (determinism)', () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const t = buildTopology(s);
        const a = runReplication(s, t, 3, { trace: true });
        const b = runReplication(s, t, 3, { trace: true });
        expect(JSON.stringify(a.trace)).toBe(JSON.stringify(b.trace));
        expect(JSON.stringify(a.signals)).toBe(JSON.stringify(b.signals));
      }),
      { numRuns: runs(100) },
    );
  });

  it('should give the same result with and without a trace (reasons are composed only for a trace)', () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const t = buildTopology(s);
        const traced = runReplication(s, t, 2, { trace: true });
        const plain = runReplication(s, t, 2);
        expect(plain.events).toBe(traced.events);
        expect(JSON.stringify(plain.signals)).toBe(JSON.stringify(traced.signals));
      }),
      { numRuns: runs(100) },
    );
  });

  it('should report every signal of every cluster, each with an availability in [0, 1]', () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const r = runReplication(s, buildTopology(s), 0);
        for (const c of s.clusters) {
          const names = r.signals.filter((x) => x.cluster === c.name).map((x) => x.signal);
          expect(names.slice(0, 4), c.name).toEqual(['etcdQuorum', 'apiWrite', 'apiRead', 'scheduling']);
          // A multi-tenant cluster adds one signal per tenant.
          expect(names, c.name).toEqual(expect.arrayContaining(c.tenants.map((t) => `tenant:${t.name}`)));
        }
        for (const x of r.signals) {
          const a = x.stats.upTime / s.horizon;
          expect(a, `${x.cluster}/${x.signal}`).toBeGreaterThanOrEqual(0);
          expect(a, `${x.cluster}/${x.signal}`).toBeLessThanOrEqual(1 + 1e-12);
        }
      }),
      { numRuns: runs(100) },
    );
  });
});
