/** The nesting-depth scan that runs before the YAML/JSON parser: exact on JSON, never below the truth on YAML. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { findTooDeep } from '../../src/scenario/_internals/nestingDepth.js';
import { parseScenarioDocument, ScenarioError } from '../../src/scenario/index.js';

/** The smallest limit the text passes: the scan's estimate of its depth. */
function estimate(text: string): number {
  let limit = 0;
  while (findTooDeep(text, limit) !== undefined) limit++;
  return limit;
}

/** The true depth: each list or object is one level. */
function depth(v: unknown): number {
  if (v === null || typeof v !== 'object') return 0;
  const children = Array.isArray(v) ? v : Object.values(v as object);
  return 1 + Math.max(0, ...children.map(depth));
}

describe('findTooDeep', () => {
  it.each([
    // [text, depth, why]
    ['a: 1\nb: 2\n', 1, 'a flat mapping'],
    ['a:\n  b:\n    c: 1\n', 3, 'block mappings by indentation'],
    ['- - - a\n', 3, 'compact nested sequences, one level per dash'],
    ['- name: a\n  x: [1]\n', 3, 'a mapping inside a list, and a flow list in it'],
    ['a: [1, {b: [2]}]\n', 4, 'flow collections inside a block mapping'],
    ['a: "[[[[{{{{"\nb: \'[[[[\'\n', 1, 'brackets inside quoted strings do not count'],
    ['a: |\n  [[[[[[\n  {{{{{{\nb: 1\n', 1, 'nor inside a block scalar'],
    ["a: it's [not flow\nb: x # [[[[ a comment\n", 1, 'nor in a plain scalar or a comment'],
    ['{"a": {"b": ["c]", "d\\"[["]}}', 3, 'JSON with escaped quotes'],
    ["{ :': {} }\n", 2, "a plain key ending in a colon and a quote: the quote opens nothing (fast-check's counterexample)"],
    ['{"a":\'b\', c: {d: 1}}\n', 2, 'a quote right after the colon of a quoted key opens the value'],
  ])('should find %j %i deep (%s)', (text, expected) => {
    expect(estimate(text)).toBe(expected);
  });

  it('should stop at the first line past the limit, on a JSON list nested 1,000,000 deep', () => {
    const text = `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`;
    expect(findTooDeep(text, 64)).toEqual({ line: 1, depth: 65 });
  });

  it('should be exact on any JSON document', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 12 }), fc.boolean(), (v, pretty) => {
        const text = JSON.stringify(v, null, pretty ? 2 : undefined);
        expect(estimate(text)).toBe(depth(v));
      }),
    );
  });

  it('should never estimate a YAML document below its true depth', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 12 }), fc.boolean(), (v, flow) => {
        const text = stringify(v, { collectionStyle: flow ? 'flow' : 'any' });
        const e = estimate(text);
        expect(e).toBeGreaterThanOrEqual(depth(v));
        expect(e).toBeLessThanOrEqual(2 * depth(v) + 2);
      }),
    );
  });
});

describe('parseScenarioDocument with a document nested too deep', () => {
  it('should refuse it before parsing, with the line and the limit', () => {
    const text = `a:\n  b: ${'['.repeat(100)}${']'.repeat(100)}\n`;
    let error: unknown;
    try {
      parseScenarioDocument(text, 'deep.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as ScenarioError).message).toBe('deep.yaml:2: nested deeper than the limit of 64 levels (65 here); a scenario needs about 8');
  });
});
