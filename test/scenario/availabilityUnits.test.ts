import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { availabilityUnits } from '../../src/scenario/availabilityUnits.js';
import { DEPLOYMENT_MODELS, MODEL_PRESETS, type ClusterSpec } from '../../src/scenario/index.js';

/** Just what the units read of a cluster: its name, model and whether it runs workloads. */
const arbClusters = fc.uniqueArray(
  fc.record({ name: fc.stringMatching(/^[a-z]{1,6}$/), model: fc.constantFrom(...DEPLOYMENT_MODELS), workloads: fc.boolean() }),
  { selector: (c) => c.name, maxLength: 6 },
);
const asSpecs = (cs: { name: string; model: ClusterSpec['model']; workloads: boolean }[]) =>
  cs.map((c) => ({ name: c.name, model: c.model, workloads: c.workloads ? [{ name: 'web' }] : [] }) as unknown as ClusterSpec);

describe('availabilityUnits', () => {
  it('should put every cluster in exactly one unit, so unit costs add up to the scenario\'s', () => {
    fc.assert(
      fc.property(arbClusters, (cs) => {
        const units = availabilityUnits({ clusters: asSpecs(cs) });
        expect(units.flatMap((u) => u.clusters).sort()).toEqual(cs.map((c) => c.name).sort());
      }),
    );
  });

  it('should watch the global service exactly when two or more clusters serve together, and apiWrite for every other cluster', () => {
    fc.assert(
      fc.property(arbClusters, (cs) => {
        const units = availabilityUnits({ clusters: asSpecs(cs) });
        const serving = cs.filter((c) => c.workloads && MODEL_PRESETS[c.model].servesGlobally);
        const global = units.filter((u) => u.cluster === 'global');
        expect(global.length).toBe(serving.length > 1 ? 1 : 0);
        for (const u of units.filter((x) => x.cluster !== 'global')) expect(u).toEqual({ cluster: u.clusters[0], signal: 'apiWrite', clusters: [u.cluster] });
        // Never nothing to watch while there is a cluster (the vacuous "yes" of old).
        expect(units.length > 0).toBe(cs.length > 0);
      }),
    );
  });
});
