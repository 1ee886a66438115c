/**
 * The scenario reference (docs/scenario-reference.md): its examples parse to what the text around
 * them says, its tables of defaults are the defaults, and it names every field.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseDuration } from '../../src/kernel/index.js';
import type { Scenario } from '../../src/scenario/index.js';
import { parse, ROOT, schemaJson, withSpec } from './fixtures.js';

const doc = readFileSync(`${ROOT}docs/scenario-reference.md`, 'utf8');
const blocks = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);

// Clusters that the spec fragments of the reference refer to.
const CLUSTERS: Readonly<Record<string, string>> = {
  federation:
    'clusters:\n  - { name: host, model: federation }\n  - { name: member-a, model: federation }\n  - { name: member-b, model: federation }\n',
  default: 'clusters:\n  - { name: prod, model: multi-master }\n',
};

describe('the scenario reference', () => {
  it('should have examples', () => {
    expect(blocks.length).toBeGreaterThan(4);
  });

  blocks.forEach((block, i) => {
    it(`should parse example ${i + 1}`, () => {
      if (block.includes('apiVersion:')) {
        expect(parse(block).clusters.length).toBeGreaterThan(0);
      } else if (block.trim().startsWith('#')) {
        expect(block.trim()).toBe('# yaml-language-server: $schema=../schema/scenario.schema.json');
      } else {
        const first = block.trimStart().split(':')[0]!;
        expect(() => parse(withSpec(block + (CLUSTERS[first] ?? CLUSTERS['default']!)))).not.toThrow();
      }
    });
  });

  /** The example whose first key is `key` (a spec fragment), parsed with the clusters it refers to. */
  const fragment = (key: string): Scenario => {
    const block = blocks.find((b) => b.startsWith(`${key}:`))!;
    return parse(withSpec(block + (CLUSTERS[key] ?? CLUSTERS['default']!)));
  };
  const exp = (mean: number) => ({ kind: 'exponential', mean });
  const H = 3600;
  const D = 24 * H;

  it('should simulate the smallest scenario as the text says: 100 years-long runs of 3+3 stacked, 3 workers, a load balancer, dc-1', () => {
    const s = parse(blocks.find((b) => b.includes('name: smallest'))!);
    expect([s.replications, s.horizon]).toEqual([100, 365 * D]);
    expect(s.datacenters).toEqual([{ name: 'dc-1' }]);
    const c = s.clusters[0]!;
    expect([c.controlPlane.nodes, c.etcd.members, c.etcd.topology, c.workers.nodes, c.loadBalancer.enabled]).toEqual([3, 3, 'stacked', 3, true]);
    expect(c.datacenters).toEqual(['dc-1']);
    // Control-plane hosts fail every 90 days on average and take 2 hours to repair; nothing else fails.
    expect(s.failures).toEqual({ controlPlane: { mttf: exp(90 * D), mttr: exp(2 * H) } });
    expect(s.faults).toEqual([]);
  });

  it('should read the datacenters and failure domains example as written', () => {
    const s = fragment('datacenters');
    expect(s.datacenters).toEqual([{ name: 'dc-a', outage: { mttf: exp(5 * 365 * D), mttr: exp(4 * H) } }, { name: 'dc-b' }]);
    expect(s.failureDomains).toEqual([{ name: 'rack-1', members: ['prod/cp-1', 'prod/worker-1', 'prod/worker-2'], outage: { mttf: exp(2 * 365 * D), mttr: exp(H) } }]);
  });

  it('should read the failures example as written, a log-normal etcd repair included', () => {
    expect(fragment('failures').failures).toEqual({
      controlPlane: { mttf: exp(90 * D), mttr: exp(2 * H) },
      etcd: { mttf: exp(120 * D), mttr: { kind: 'lognormal', median: H, sigma: 1 } },
      worker: { mttf: exp(60 * D), mttr: exp(4 * H) },
      loadBalancer: { mttf: exp(365 * D), mttr: exp(10 * 60) },
    });
  });

  it('should read the etcdLoad, federation and cost examples as written', () => {
    expect(fragment('etcdLoad').etcdLoad).toMatchObject({ podLifetime: H, eventsInSeparateEtcd: true, leaderWritesPerSecond: 20_000 });
    expect(fragment('federation').federation).toEqual({
      hostCluster: 'host',
      members: ['member-a', 'member-b'],
      rollout: { strategy: 'canary', stepSize: 1, bake: H, detect: 10 * 60, rollback: 5 * 60 },
    });
    // The prices the example calls "the defaults".
    expect(fragment('cost').cost).toEqual({ currency: 'USD', hourly: { controlPlane: 0.19, etcd: 0.19, worker: 0.38, loadBalancer: 0.025 }, downtimePerMinute: 500 });
  });

  /** The defaults a table of the reference states: field -> value, read from its `default` column. */
  function tableDefaults(heading: string): [string, unknown][] {
    const start = doc.indexOf(`\n## ${heading}\n`);
    const section = doc.slice(start + 1, doc.indexOf('\n## ', start + 1));
    const lines = section.split('\n').filter((l) => l.startsWith('|'));
    const column = lines[0]!.split('|').map((c) => c.trim()).indexOf('default');
    return lines.slice(2).map((l) => {
      const cells = l.split('|').map((c) => c.trim().replace(/`/g, ''));
      const text = cells[column]!;
      const value: unknown = parseYaml(text);
      return [cells[1]!, typeof value === 'string' ? parseDuration(value) : value];
    });
  }

  it.each([
    ['spec.raft', (s: Scenario) => s.raft],
    ['spec.kubernetes', (s: Scenario) => s.kubernetes],
    ['spec.etcdLoad', (s: Scenario) => s.etcdLoad],
  ] as const)('should state in the %s table the defaults a scenario gets', (heading, settings) => {
    const stated = tableDefaults(heading);
    const actual = settings(parse(withSpec(CLUSTERS['default']!))) as unknown as Record<string, unknown>;
    expect(stated.length).toBeGreaterThan(5);
    expect(Object.fromEntries(stated)).toEqual(Object.fromEntries(stated.map(([k]) => [k, actual[k]])));
    expect(stated.map(([k]) => k).sort()).toEqual(Object.keys(actual).sort());
  });

  it('should name every field of the schema', () => {
    const fields = new Set<string>();
    const walk = (node: unknown) => {
      if (node === null || typeof node !== 'object') return;
      const props = (node as { properties?: Record<string, unknown> }).properties;
      for (const k of Object.keys(props ?? {})) fields.add(k);
      for (const v of Object.values(node)) walk(v);
    };
    walk(schemaJson());
    const code = [...doc.matchAll(/`[^`\n]+`|```[\s\S]*?```/g)].map((m) => m[0]).join('\n');
    const missing = [...fields].filter((f) => !new RegExp(`\\b${f}\\b`).test(code));
    expect(missing).toEqual([]);
  });
});
