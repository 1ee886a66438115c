/** Every shipped scenario is valid against the JSON Schema and parses to a Scenario. */
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { YEAR } from '../../src/kernel/index.js';
import { componentNames, loadScenario } from '../../src/scenario/index.js';
import { schemaJson, shippedScenarios } from './fixtures.js';

/** The editor-completion line, with the schema's path relative to the file. */
const schemaLine = (name: string) => `# yaml-language-server: $schema=${'../'.repeat(name.split('/').length)}schema/scenario.schema.json`;

describe('shipped scenarios', () => {
  const validate = new Ajv({ allErrors: true, allowUnionTypes: true, strict: true }).compile(schemaJson());
  const shipped = shippedScenarios();

  it('should include the scenarios the scenario reference names', () => {
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

  it('should hold in default.yaml what README says `npm start` runs: stacked 3-member etcd over three datacenters, 120 workers', () => {
    const s = loadScenario(shipped.find((x) => x.name === 'default.yaml')!.path);
    const prod = s.clusters[0]!;
    expect([s.clusters.length, prod.model, prod.etcd.members, prod.etcd.topology, prod.workers.nodes]).toEqual([1, 'multi-master', 3, 'stacked', 120]);
    expect(prod.datacenters).toEqual(['dc-a', 'dc-b', 'dc-c']);
    // 50 replications of a year, the count of the JSON example in docs/commands.md.
    expect([s.replications, s.horizon]).toEqual([50, YEAR]);
    expect(s.faults.map((f) => f.kind)).toEqual(['crash', 'partition', 'outage', 'rollingUpgrade']);
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
