/** The scenario reference (README, "The scenario file"): its examples parse and it names every field. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, ROOT, schemaJson, withSpec } from './fixtures.js';

const readme = readFileSync(`${ROOT}README.md`, 'utf8');
const doc = readme.slice(readme.indexOf('\n## The scenario file'), readme.indexOf('\n## ', readme.indexOf('\n## The scenario file') + 1));
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
