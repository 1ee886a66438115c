/** Repeated keys are found in linear time, exactly where the parser's own (quadratic) check finds them. */
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { duplicateKeyOffsets } from '../../src/scenario/_internals/duplicateKeys.js';
import { HEAD, problemsOf, withSpec } from './fixtures.js';

/** Key texts that are the same key, or only look alike: 1 and "1" differ, true and True do not, .nan never repeats. */
const KEY_TEXTS = ['a', "'a'", '"a"', 'b', '1', '"1"', '1.0', '0x1', 'true', 'True', '~', 'null', '""', '.nan', '.NaN', '-0', '0', '<<', '!!str 1', '&k c', '? d'];

type Node = { readonly kind: 'map'; readonly pairs: readonly (readonly [string, Node])[] } | { readonly kind: 'seq'; readonly items: readonly Node[] } | { readonly kind: 'leaf' };

const arbNode: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant({ kind: 'leaf' as const }),
    fc.record({ kind: fc.constant('map' as const), pairs: fc.array(fc.tuple(fc.constantFrom(...KEY_TEXTS), tie('node')), { maxLength: 6 }) }),
    fc.record({ kind: fc.constant('seq' as const), items: fc.array(tie('node'), { maxLength: 3 }) }),
  ),
})).node;

/** The node as flow YAML (every mapping in braces), so that any nesting is valid text. */
function flow(node: Node): string {
  if (node.kind === 'leaf') return '1';
  if (node.kind === 'seq') return `[${node.items.map(flow).join(', ')}]`;
  return `{ ${node.pairs.map(([k, v]) => `${k}: ${flow(v)}`).join(', ')} }`;
}

/** The node as block YAML, indented by `indent`. */
function block(node: Node, indent: string): string {
  if (node.kind !== 'map' || node.pairs.length === 0) return ` ${flow(node)}\n`;
  return `\n${node.pairs.map(([k, v]) => `${indent}${k}:${block(v, `${indent}  `)}`).join('')}`;
}

const libraryOffsets = (text: string): number[] =>
  parseDocument(text, { merge: true, logLevel: 'silent' })
    .errors.filter((e) => e.code === 'DUPLICATE_KEY')
    .map((e) => e.pos[0])
    // In document order: the parser reports a flow mapping's repeat after the mappings in its value.
    .sort((a, b) => a - b);

describe('duplicateKeyOffsets', () => {
  it('should find the repeated keys the parser finds, at the same offsets, in block and flow YAML', () => {
    fc.assert(
      fc.property(arbNode, fc.boolean(), (node, asBlock) => {
        const text = asBlock && node.kind === 'map' && node.pairs.length > 0 ? block(node, '').slice(1) : `${flow(node)}\n`;
        const doc = parseDocument(text, { merge: true, uniqueKeys: false, logLevel: 'silent' });
        fc.pre(doc.errors.length === 0);
        expect(duplicateKeyOffsets(doc)).toEqual(libraryOffsets(text));
      }),
      { numRuns: 500 },
    );
  });

  it('should find repeated keys in JSON as the parser does', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', '1', 'a\\u0041', 'aA'), fc.integer()), { maxLength: 8 }), (pairs) => {
        const text = `{ "x": { ${pairs.map(([k, v]) => `"${k}": ${v}`).join(', ')} } }`;
        expect(duplicateKeyOffsets(parseDocument(text, { uniqueKeys: false }))).toEqual(libraryOffsets(text));
      }),
    );
  });
});

describe('repeated keys in a scenario', () => {
  it('should report the first repeated key with its line and column, and count the others', () => {
    expect(problemsOf(withSpec('seed: 1\nseed: 2\nclusters: []\nclusters: []\n'))).toEqual(['x.yaml:7: invalid YAML at column 3: Map keys must be unique (and 1 more)']);
    expect(problemsOf('{"apiVersion": "kubesim/v1", "apiVersion": "kubesim/v1"}', 'x.json')).toEqual(['x.json:1: invalid YAML at column 30: Map keys must be unique']);
  });

  it('should report the first error by position when a repeated key comes before a syntax error', () => {
    expect(problemsOf(`${HEAD}  seed: 1\n  seed: 2\n  clusters: [\n`)).toEqual([
      'x.yaml:7: invalid YAML at column 3: Map keys must be unique (and 1 more)',
    ]);
  });

  it('should find the one repeat among 80,000 keys of one mapping (the parser alone took about a minute)', () => {
    const keys = Array.from({ length: 80_000 }, (_, i) => `  k${i}: 1\n`).join('');
    const text = withSpec(`clusters: [ { name: p, model: multi-master } ]\nbogus:\n${keys}  k5: 2\n`);
    expect(problemsOf(text)).toEqual(['x.yaml:80008: invalid YAML at column 5: Map keys must be unique']);
  });
});

describe('many problems in one mapping', () => {
  it('should give each of 20,000 unknown keys of one mapping its own line (a search per key made this quadratic)', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `    k${i}: 1\n`).join('');
    const lines = problemsOf(withSpec(`clusters:\n  - name: p\n    model: multi-master\n${keys}`));
    expect(lines).toHaveLength(20_000);
    expect(lines[19_999]).toMatch(/^x\.yaml:20008: spec\.clusters\[0\]\.k19999: unknown field 'k19999'/);
  });
});
