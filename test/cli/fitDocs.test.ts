/** docs/fit.md's worked examples: each block of one `$ kubesim fit ...` command and its output is run and must print exactly that. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from './cli.js';
import { kubesimInProcess } from './inProcess.js';

const doc = readFileSync(`${ROOT}docs/fit.md`, 'utf8');
// Code blocks whose first line is the one command of the block.
const examples = [...doc.matchAll(/```\n\$ kubesim (fit [^\n]*)\n([\s\S]*?)```/g)]
  .filter((m) => !m[2]!.includes('\n$ '))
  .map((m) => ({ args: m[1]!.split(' '), output: m[2]! }));

describe('docs/fit.md examples', () => {
  it('should hold the two worked examples', () => {
    expect(examples.map((e) => e.args[1])).toEqual(['scenarios/fit/incidents.csv', 'scenarios/fit/etcd-up.json']);
  });

  it.each(examples)('should print what the page shows for kubesim $args', async ({ args, output }) => {
    const r = await kubesimInProcess(args);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(output);
  });
});
