/** `run --ignore-faults`: random failures only, on the same random numbers as the whole scenario. */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Summary } from '../../src/experiment/Summary.js';
import { kubesim, ROOT } from './cli.js';
import { kubesimInProcess } from './inProcess.js';

const TMP = join(ROOT, 'test-output', 'ignore-faults');
mkdirSync(TMP, { recursive: true });
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

const run = async (args: string[]): Promise<Summary> => {
  const r = await kubesimInProcess(['run', ...args, '--json', '--jobs', '1', '--replications', '4']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Summary;
};

describe('run --ignore-faults', () => {
  it('should give what the scenario gives with its faults removed by hand, under a name that says so', async () => {
    const text = readFileSync(join(ROOT, 'scenarios/default.yaml'), 'utf8');
    const start = text.indexOf('\n  faults:');
    expect(start).toBeGreaterThan(0);
    // The faults block ends where the cost block starts, in the shipped default scenario.
    const end = text.indexOf('\n  cost:', start);
    expect(end).toBeGreaterThan(start);
    const without = join(TMP, 'default-no-faults.yaml');
    writeFileSync(without, text.slice(0, start) + text.slice(end));
    const ignored = await run(['scenarios/default.yaml', '--ignore-faults']);
    const byHand = await run([without]);
    expect(ignored.scenario).toBe('ha-three-dcs-without-faults');
    expect({ ...ignored, scenario: '' }).toEqual({ ...byHand, scenario: '' });
    // With the faults, the same random failures and more downtime on top.
    const whole = await run(['scenarios/default.yaml']);
    const down = (s: Summary) => s.clusters['prod']!.signals['apiWrite']!.downtimeSecondsPerYear;
    expect(down(whole)).toBeGreaterThan(down(ignored));
  });

  it('should keep the name of a scenario without scripted faults', async () => {
    expect((await run(['scenarios/single-server.yaml', '--ignore-faults'])).scenario).toBe('single-server');
  });

  it('should carry into shards, and merge should refuse to mix shards with and without it', async () => {
    const parts = ['1/2', '2/2'].map((k, i) => {
      const out = join(TMP, `part-${i + 1}.json`);
      const r = kubesim(['run', 'scenarios/default.yaml', '--replications', '4', '--shard', k, '--out', out, '--jobs', '1', '--ignore-faults']);
      expect(r.code, r.stderr).toBe(0);
      return out;
    });
    const merged = await kubesimInProcess(['merge', ...parts, '--json', '--no-report']);
    expect(merged.code, merged.stderr).toBe(0);
    expect(JSON.parse(merged.stdout)).toEqual(await run(['scenarios/default.yaml', '--ignore-faults']));
    const other = join(TMP, 'part-2-with-faults.json');
    expect(kubesim(['run', 'scenarios/default.yaml', '--replications', '4', '--shard', '2/2', '--out', other, '--jobs', '1']).code).toBe(0);
    const mixed = await kubesimInProcess(['merge', parts[0]!, other, '--json', '--no-report']);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/ignores the scripted faults/);
    expect(mixed.stderr.trim().split('\n')).toHaveLength(1);
  });
});
