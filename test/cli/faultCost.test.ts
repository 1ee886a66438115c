/** `run --fault-cost` through the CLI: what each scripted fault cost, in the JSON, the terminal and the report; refused where it cannot hold. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Summary } from '../../src/experiment/Summary.js';
import { kubesim } from './cli.js';
import { kubesimInProcess } from './inProcess.js';

const dir = mkdtempSync(join(tmpdir(), 'kubesim-fault-cost-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// One day, random etcd failures, and two scripted faults: the second one named.
const scenario = (faults: string) => `apiVersion: kubesim/v1
kind: Scenario
metadata: { name: tiny }
spec:
  horizon: 1d
  replications: 3
  seed: 11
  failures:
    etcd: { mttf: 12h, mttr: 2h }
  clusters:
    - { name: c, model: multi-master, workers: { nodes: 1 } }
  faults:
${faults}`;
const FIRST = '    - { at: 6h, crash: c/etcd-1, for: 4h }\n';
const SECOND = '    - { name: long-crash, at: 7h, crash: c/etcd-2, for: 8h }\n';
const file = (name: string, body: string): string => {
  const path = join(dir, name);
  writeFileSync(path, body);
  return path;
};
const TINY = file('tiny.yaml', scenario(FIRST + SECOND));

const json = async (args: readonly string[]): Promise<Summary> => {
  const r = await kubesimInProcess(['run', ...args, '--json', '--no-report']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Summary;
};

describe('run --fault-cost', () => {
  it('should price each fault as the run minus the run without it, the same on 1 and 2 threads, in every format', async () => {
    // Arrange: the scenario without its second fault, written by hand.
    const withoutSecond = file('without-second.yaml', scenario(FIRST));
    const out = join(dir, 'report');

    // Act: one thread and JSON; two threads, the terminal and a report.
    const one = await kubesimInProcess(['run', TINY, '--fault-cost', '--json', '--no-report', '--jobs', '1']);
    const two = kubesim(['run', TINY, '--fault-cost', '--jobs', '2', '--out', out]);
    const byHand = await json([withoutSecond, '--jobs', '1']);

    // Assert: the paired difference of the named fault, per signal.
    expect(one.code, one.stderr).toBe(0);
    const whole = JSON.parse(one.stdout) as Summary;
    const fc = whole.faultCost!;
    expect(fc.faults.map((f) => f.key)).toEqual(['faults[0]', 'long-crash']);
    expect(fc.together?.key).toBe('all');
    for (const signal of ['etcdQuorum', 'apiWrite']) {
      const expected = whole.clusters['c']!.signals[signal]!.downtimeSecondsPerYear - byHand.clusters['c']!.signals[signal]!.downtimeSecondsPerYear;
      expect(fc.faults[1]!.perSignal['c']![signal]!.downtimeSecondsPerYear, signal).toBeCloseTo(expected, 2);
    }
    // Two threads give the same document, and every format shows the table.
    expect(two.code, two.stderr).toBe(0);
    expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe(one.stdout);
    expect(two.stdout).toMatch(/What each fault cost\n\nc\nFault +What it does +etcdQuorum/);
    expect(two.stdout).toMatch(/long-crash +crash c\/etcd-2 for 8h +[+-]/);
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toMatch(/## What each fault cost[\s\S]*\| long-crash \| crash c\/etcd-2 for 8h \|/);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toMatch(/<section class="card" id="fault-cost"><h2>What each fault cost<\/h2>/);
  });

  it('should leave the rest of the summary as the plain run gives it', async () => {
    const { faultCost, ...rest } = await json([TINY, '--fault-cost', '--jobs', '1']);
    expect(faultCost?.faults).toHaveLength(2);
    expect(rest).toEqual(await json([TINY, '--jobs', '1']));
  });

  it('should count the paired runs in the work estimate, refusing too much work up front', async () => {
    const plain = await kubesimInProcess(['run', TINY, '--no-report', '--max-work', '10']);
    const paired = await kubesimInProcess(['run', TINY, '--no-report', '--max-work', '10', '--fault-cost']);
    expect(plain.stderr).toMatch(/\b3 replications\b/);
    // The run itself, once without each of the two faults, once without both: 4 × 3.
    expect(paired.code).toBe(2);
    expect(paired.stderr).toMatch(/\b12 replications\b/);
  });

  it.each([
    [['--shard', '1/2'], /^kubesim: --fault-cost: cannot be sharded/],
    [['--precision', '10%'], /^kubesim: --fault-cost: not with --precision/],
    [['--ignore-faults'], /^kubesim: --fault-cost: not with --ignore-faults/],
  ])('should refuse %j with one line, exit 2', async (flags, message) => {
    const r = await kubesimInProcess(['run', TINY, '--fault-cost', '--no-report', ...flags]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('should refuse a scenario without scripted faults before any work', async () => {
    const r = await kubesimInProcess(['run', 'scenarios/single-server.yaml', '--fault-cost', '--no-report']);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd()).toBe('kubesim: --fault-cost: scenarios/single-server.yaml has no scripted faults (spec.faults) to price');
  });
});
