import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEPLOYMENT_MODELS, MODEL_PRESETS, modelSchema, withModelSchema, type ModelPreset } from '../../src/scenario/index.js';

const FILE = new URL('../../schema/scenario.schema.json', import.meta.url);

// Type-level: an entry short of a field does not compile (checked by tsc -p tsconfig.test.json).
const { singleHost: _dropped, ...withoutSingleHost } = MODEL_PRESETS['multi-master'];
// @ts-expect-error a model entry without `singleHost` is not a ModelPreset
const incomplete: ModelPreset = withoutSingleHost;

describe('the registry of deployment models', () => {
  it('should keep the model field of schema/scenario.schema.json as `npm run schema` generates it', () => {
    const committed = readFileSync(FILE, 'utf8');
    expect(withModelSchema(committed)).toBe(committed);
  });

  it('should offer exactly the registry models in the schema, in registry order', () => {
    expect(modelSchema().enum).toEqual([...DEPLOYMENT_MODELS]);
    expect(DEPLOYMENT_MODELS).toEqual(['single-server', 'multi-tenant', 'multi-master', 'multi-cluster', 'federation']);
  });

  it('should hold the rules that used to be name comparisons, model by model', () => {
    // Row by row: what each model brings (docs/model.md#deployment-models).
    const rules = DEPLOYMENT_MODELS.map((m) => {
      const e = MODEL_PRESETS[m];
      return [m, e.singleHost, e.needsTenants, e.servesGlobally, e.minClusters, e.needsFederation];
    });
    expect(rules).toEqual([
      ['single-server', true, false, false, 1, false], // one host runs everything
      ['multi-tenant', false, true, false, 1, false], // tenants are the point of it
      ['multi-master', false, false, false, 1, false], // one highly available cluster
      ['multi-cluster', false, false, true, 2, false], // clusters serve together: global/service
      ['federation', false, false, true, 1, true], // and push configuration: spec.federation
    ]);
    expect(Object.keys(incomplete)).not.toContain('singleHost');
  });
});
