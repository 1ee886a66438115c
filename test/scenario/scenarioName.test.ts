/** metadata.name is at most 128 bytes of UTF-8: every file and folder name kubesim makes from it fits the file system. */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { partialFileName } from '../../src/cli/partialFiles.js';
import { NAME_MAX_BYTES, SIBLING_EXTRA_BYTES } from '../../src/cli/outputPaths.js';
import { reportFolderName } from '../../src/cli/scenarioInput.js';
import { MAX_SHARDS } from '../../src/experiment/shard.js';
import { STRUCTURE_AJV_OPTIONS } from '../../src/scenario/_internals/checkStructure.js';
import { MAX_SCENARIO_NAME_BYTES } from '../../src/scenario/index.js';
import { ONE_CLUSTER } from './errorCases.js';
import { problemsOf, ROOT } from './fixtures.js';

const named = (name: string) => `apiVersion: kubesim/v1\nkind: Scenario\nmetadata:\n  name: ${JSON.stringify(name)}\nspec:\n  ${ONE_CLUSTER.replace(/\n(?=.)/g, '\n  ')}`;

describe('the length of metadata.name', () => {
  it('should accept 128 bytes and refuse 129, counting bytes of UTF-8, not characters', () => {
    expect(problemsOf(named('x'.repeat(128)))).toEqual([]);
    expect(problemsOf(named('é'.repeat(64)))).toEqual([]);
    expect(problemsOf(named('x'.repeat(129)))).toEqual([
      `x.yaml:4: metadata.name: expected a name of at most 128 bytes (UTF-8), since it names the report folder and files (docs/names.md), found "${'x'.repeat(60)}…" (129 characters), 129 bytes`,
    ]);
    expect(problemsOf(named('é'.repeat(65)))).toEqual([
      `x.yaml:4: metadata.name: expected a name of at most 128 bytes (UTF-8), since it names the report folder and files (docs/names.md), found "${'é'.repeat(60)}…" (65 characters), 130 bytes`,
    ]);
  });

  it('should be refused by the JSON Schema too, for ASCII names (maxLength counts characters)', () => {
    const schema = new Ajv(STRUCTURE_AJV_OPTIONS).compile(JSON.parse(readFileSync(`${ROOT}schema/scenario.schema.json`, 'utf8')) as object);
    expect(schema(parse(named('x'.repeat(128))))).toBe(true);
    expect(schema(parse(named('x'.repeat(129))))).toBe(false);
  });

  it('should leave room, for any name it accepts, for the longest name kubesim makes from it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: MAX_SCENARIO_NAME_BYTES }), (raw) => {
        // Cut to the limit in bytes (a character is never split: the cut is by whole characters).
        let name = '';
        for (const c of raw) if (Buffer.byteLength(name + c) <= MAX_SCENARIO_NAME_BYTES) name += c;
        // The shard file of a run of many scenarios without their faults, and its temporary sibling.
        const base = `${reportFolderName(`${name}-without-faults`)}-and-9999-more`;
        const file = partialFileName(reportFolderName(base), { index: MAX_SHARDS, count: MAX_SHARDS });
        expect(Buffer.byteLength(file) + SIBLING_EXTRA_BYTES).toBeLessThanOrEqual(NAME_MAX_BYTES);
        expect(Buffer.byteLength(`${reportFolderName(name)}-sweep`) + SIBLING_EXTRA_BYTES).toBeLessThanOrEqual(NAME_MAX_BYTES);
      }),
    );
  });
});
