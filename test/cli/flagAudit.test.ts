/**
 * Every numeric flag of every command refuses garbage (NaN, 1e999, negative, fractional where a
 * whole number is needed, empty) with exit 2 and one line that names the flag and what it
 * expects, before any file is read: the scenario given is missing, and the flag is still what
 * is reported. Every path flag (--out, --into, --scenario) of every command refuses an empty
 * value the same way; what a non-empty path may be is checked with the report folders.
 */
import { describe, expect, it } from 'vitest';
import { durationFlag, intFlag, seedFlag } from '../../src/cli/flags.js';
import { precisionFlag } from '../../src/cli/precisionFlags.js';
import { buildProgram } from '../../src/cli/program.js';
import { kubesimInProcess } from './inProcess.js';

const GARBAGE = ['NaN', '1e999', '-1', '1.5', ''] as const;
// 1.5 is a valid duration (1.5 seconds); a word is not.
const DURATION_GARBAGE = ['NaN', '1e999', '-1', 'soon', '', `1${'0'.repeat(400)}y`] as const;

describe('the flag parsers', () => {
  it.each(GARBAGE)('should refuse %j as a whole number, a seed and a precision', (bad) => {
    expect(() => intFlag('--jobs', bad, 1, 256)).toThrow(/^--jobs: expected a whole number from 1 to 256, found /);
    expect(() => seedFlag(bad)).toThrow(/^--seed: expected a whole number from 0 to 9007199254740991, found /);
    expect(() => precisionFlag(bad)).toThrow(/^--precision: expected a relative 95% half-width/);
  });

  it.each(DURATION_GARBAGE)('should refuse %j as a duration', (bad) => {
    expect(() => durationFlag('--horizon', bad)).toThrow(/^--horizon: expected a/);
  });
});

const MISSING = 'no-such-scenario.yaml';
const SCENARIO = 'scenarios/quorum-loss-demo.yaml';

// [command and its other arguments, the flag, the kind of value]; each row gets the next garbage value in turn.
const ROWS: readonly [readonly string[], string, 'int' | 'duration'][] = [
  [['run', MISSING], '--seed', 'int'],
  [['run', MISSING], '--replications', 'int'],
  [['run', MISSING], '--horizon', 'duration'],
  [['run', MISSING], '--jobs', 'int'],
  [['run', MISSING], '--shard', 'int'],
  [['run', MISSING], '--precision', 'int'],
  [['run', MISSING, '--precision', '10%'], '--max-replications', 'int'],
  [['run', MISSING, '--precision', '10%'], '--max-episodes', 'int'],
  [['run', MISSING, '--precision', '10%'], '--max-time', 'duration'],
  [['compare', MISSING, MISSING], '--seed', 'int'],
  [['compare', MISSING, MISSING], '--replications', 'int'],
  [['compare', MISSING, MISSING], '--horizon', 'duration'],
  [['compare', MISSING, MISSING], '--jobs', 'int'],
  [['sweep', MISSING, '--set', 'etcd.members=1,3'], '--seed', 'int'],
  [['sweep', MISSING, '--set', 'etcd.members=1,3'], '--replications', 'int'],
  [['sweep', MISSING, '--set', 'etcd.members=1,3'], '--horizon', 'duration'],
  [['sweep', MISSING, '--set', 'etcd.members=1,3'], '--jobs', 'int'],
  [['sweep', MISSING, '--set', 'etcd.members=1,3'], '--shard', 'int'],
  [['sweep', MISSING, '--set', 'etcd.members=1,3'], '--slo', 'int'],
  [['sweep', MISSING, '--set', 'etcd.members=1,3'], '--max-write-p99', 'duration'],
  [['analytic', MISSING], '--seed', 'int'],
  [['analytic', MISSING], '--replications', 'int'],
  [['analytic', MISSING], '--horizon', 'duration'],
  [['analytic', MISSING], '--jobs', 'int'],
  [['analytic', MISSING], '--route', 'int'],
  [['explain', MISSING], '--seed', 'int'],
  [['explain', MISSING], '--width', 'int'],
  // These two are checked against the scenario (its replications, its horizon): after reading it, before running it.
  [['explain', SCENARIO], '--replication', 'int'],
  [['explain', SCENARIO], '--from', 'duration'],
  [['explain', SCENARIO], '--to', 'duration'],
  [['lab'], '--port', 'int'],
  [['fit', 'no-such-records.csv'], '--seed', 'int'],
  [['fit', 'no-such-records.csv'], '--bootstrap', 'int'],
  [['lab'], '--lesson', 'int'],
  [['explain', SCENARIO], '--jobs', 'int'],
];

describe('every numeric flag of every command, through the CLI', () => {
  ROWS.forEach(([args, flag, kind], k) => {
    const values = kind === 'int' ? GARBAGE : DURATION_GARBAGE;
    const bad = values[k % values.length]!;
    it(`should refuse ${args[0]} ${flag} ${JSON.stringify(bad)} with exit 2 and one line naming the flag`, async () => {
      const r = await kubesimInProcess([...args, flag, bad]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^kubesim: ${flag}: expected `));
    });
  });
});

// Every command's path flags, read from the program itself so that a new one is covered too;
// each required argument is given (a missing file): the empty flag is what must be reported.
const PATH_ROWS = buildProgram().commands.flatMap((command) => {
  const args = [command.name(), ...command.registeredArguments.filter((a) => a.required).map(() => MISSING)];
  return command.options.filter((o) => ['--out', '--into', '--scenario'].includes(o.long ?? '')).map((o) => [args, o.long!] as const);
});

describe('every path flag of every command, through the CLI', () => {
  it('should have found the path flags of run, sweep, compare, merge, fit, import and lab', () => {
    expect(new Set(PATH_ROWS.map(([args]) => args[0]))).toEqual(new Set(['run', 'sweep', 'merge', 'compare', 'fit', 'import', 'lab']));
  });

  it.each(PATH_ROWS)('should refuse %j %s "" with exit 2 and one line, before any work', async (args, flag) => {
    const r = await kubesimInProcess([...args, flag, '', ...(args[0] === 'import' ? ['--force'] : [])]);
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', `kubesim: ${flag}: expected a path, found an empty string\n`]);
  });
});
