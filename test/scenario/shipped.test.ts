/** Every shipped scenario is valid against the JSON Schema and parses to a Scenario. */
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { componentNames, loadScenario } from '../../src/scenario/index.js';
import { schemaJson, shippedScenarios } from './fixtures.js';

/** The editor-completion line, with the schema's path relative to the file. */
const schemaLine = (name: string) => `# yaml-language-server: $schema=${'../'.repeat(name.split('/').length)}schema/scenario.schema.json`;

describe('shipped scenarios', () => {
  const validate = new Ajv({ allErrors: true, allowUnionTypes: true, strict: true }).compile(schemaJson());
  const shipped = shippedScenarios();

  it('should include the scenarios the README names', () => {
    const names = shipped.map((s) => s.name);
    for (const n of [
      'default.yaml',
      'single-server.yaml',
      'multi-tenant.yaml',
      'multi-master.yaml',
      'multi-cluster.yaml',
      'federation.yaml',
      'quorum-loss-demo.yaml',
      'stretched-two-dcs.yaml',
      'etcd-sizing.yaml',
    ]) {
      expect(names).toContain(n);
    }
  });

  for (const s of shipped) {
    describe(s.name, () => {
      it('should open with the editor-completion line and a comment saying what it shows', () => {
        const lines = s.text.split('\n');
        expect(lines[0]).toBe(schemaLine(s.name));
        expect(lines.slice(1).findIndex((l) => !l.startsWith('#'))).toBeGreaterThan(3);
      });

      it('should be valid against the JSON Schema', () => {
        const ok = validate(parseYaml(s.text));
        expect(validate.errors ?? []).toEqual([]);
        expect(ok).toBe(true);
      });

      it('should parse to a Scenario whose faults name existing things', () => {
        const scenario = loadScenario(s.path);
        expect(scenario.name.length).toBeGreaterThan(0);
        expect(scenario.description.length).toBeGreaterThan(0);
        expect(scenario.clusters.length).toBeGreaterThan(0);
        const components = new Set(scenario.clusters.flatMap(componentNames));
        for (const f of scenario.faults) {
          expect(f.at).toBeLessThan(scenario.horizon);
          if (f.kind === 'crash' && !f.target.endsWith('/etcd-leader')) expect(components).toContain(f.target);
        }
      });
    });
  }

  it('should run the default scenario in a few seconds (at most 100 replications of a year)', () => {
    const s = loadScenario(shipped.find((x) => x.name === 'default.yaml')!.path);
    expect(s.replications).toBeLessThanOrEqual(100);
    expect(s.clusters[0]!.model).toBe('multi-master');
    expect(s.datacenters).toHaveLength(3);
  });

  it('should show quorum loss in the demo: two of three members down at once, no random failures', () => {
    const s = loadScenario(shipped.find((x) => x.name === 'quorum-loss-demo.yaml')!.path);
    expect(s.replications).toBe(1);
    expect(s.failures).toEqual({});
    expect(s.clusters[0]!.etcd.members).toBe(3);
    const crashes = s.faults.filter((f) => f.kind === 'crash');
    expect(crashes).toHaveLength(2);
    const [a, b] = crashes as { at: number; duration: number }[];
    expect(Math.min(a!.at + a!.duration, b!.at + b!.duration)).toBeGreaterThan(Math.max(a!.at, b!.at));
  });
});
