import { describe, expect, it } from 'vitest';
import { CASES, DEFAULT_ROUNDS, FlagError, MAX_ROUNDS, parseFlags } from '../../calibrate/flags.mjs';

describe('parseFlags', () => {
  it("should default to both sizes, every case with its own default rounds, and a bounded run", () => {
    const plan = parseFlags([]);
    expect(plan.members).toEqual([3, 5]);
    expect(plan.cases).toEqual(CASES.map((name) => ({ name, rounds: DEFAULT_ROUNDS[name] })));
    expect(plan.cases.every((c) => c.rounds >= 1 && c.rounds <= MAX_ROUNDS)).toBe(true);
    expect(plan.maxMinutes).toBe(15);
    expect(plan.out).toBe('calibrate/results.csv');
  });

  it('should give every case the rounds of --rounds', () => {
    expect(parseFlags(['--rounds', '7']).cases.every((c) => c.rounds === 7)).toBe(true);
  });

  it('should read every flag, with a round count of its own for a case', () => {
    const plan = parseFlags(['--rounds', '12', '--members', '5', '--cases', 'leader-kill=40,follower-kill', '--max-minutes', '30', '--out', 'x.csv', '--skip-etcd']);
    expect(plan.members).toEqual([5]);
    expect(plan.cases).toEqual([
      { name: 'leader-kill', rounds: 40 },
      { name: 'follower-kill', rounds: 12 },
    ]);
    expect(plan.maxMinutes).toBe(30);
    expect(plan.out).toBe('x.csv');
    expect(plan.skipEtcd).toBe(true);
  });

  it.each([
    [['--rounds', '0'], "calibrate: --rounds expects a whole number from 1 to 200, found '0'"],
    [['--rounds', '201'], "calibrate: --rounds expects a whole number from 1 to 200, found '201'"],
    [['--rounds', '2.5'], "calibrate: --rounds expects a whole number from 1 to 200, found '2.5'"],
    [['--rounds'], 'calibrate: --rounds expects a value'],
    [['--members', '4'], "calibrate: --members expects 3, 5 or 3,5, found '4'"],
    [['--members', '3,3'], "calibrate: --members expects 3, 5 or 3,5, found '3,3'"],
    [['--cases', 'leader-nap'], "calibrate: --cases expects names from leader-kill, follower-kill, majority-down, leader-freeze (optionally name=rounds), found 'leader-nap'"],
    [['--cases', 'leader-kill,leader-kill'], "calibrate: --cases names a case twice: 'leader-kill,leader-kill'"],
    [['--max-minutes', '0'], "calibrate: --max-minutes expects a whole number from 1 to 120, found '0'"],
    [['--out', '--rounds'], 'calibrate: --out expects a value'],
  ])('should refuse %j with one line naming the flag and what it expects', (argv, message) => {
    expect(() => parseFlags(argv)).toThrow(FlagError);
    expect(() => parseFlags(argv)).toThrow(message);
  });

  it('should refuse an unknown flag and list the known ones', () => {
    expect(() => parseFlags(['--bogus'])).toThrow(/^calibrate: unknown flag '--bogus'; known: --rounds N/);
  });
});
