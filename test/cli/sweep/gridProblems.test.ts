/** gridProblems: which values are wrong on their own, and invalid points said once per reason. */
import { describe, expect, it } from 'vitest';
import { invalidPointLines, valuesWrongAlone, type PointCheck } from '../../../src/cli/sweep/gridProblems.js';
import { grid } from '../../../src/cli/sweep/sweepPoints.js';
import type { Problem } from '../../../src/scenario/index.js';

const problem = (path: string, message: string): Problem => ({ file: 'f.yaml', path, message });

describe('valuesWrongAlone', () => {
  it('should validate only the points that have a value wrong alone, and stop at the first where it goes', () => {
    const parameters = [
      { path: 'a', values: [1, 2] },
      { path: 'b', values: [1, 2, 3] },
    ];
    const points = grid(parameters);
    const asked: number[] = [];
    const bad = problem('spec.a', 'bad');
    // a=2 fails alone, and at (2, 1) with the same problem, but (2, 2) is valid: not wrong alone.
    const lines = valuesWrongAlone(parameters, [[undefined, bad], [undefined, undefined, undefined]], points, (i) => {
      asked.push(i);
      return i === 3 ? [bad] : [];
    });
    expect(lines).toEqual([]);
    expect(asked).toEqual([3, 4]);
  });
});

describe('invalidPointLines', () => {
  it('should show at most five reasons, count the rest and end with what to change', () => {
    const parameters = [{ path: 'a', values: Array.from({ length: 8 }, (_, i) => `v${String.fromCharCode(97 + i)}`) }];
    const checks: PointCheck[] = grid(parameters).map((c, i) => ({ indices: c.indices, label: `a=${String(c.values['a'])}`, problems: [problem(`spec.f${String.fromCharCode(97 + i)}`, 'wrong')] }));
    const lines = invalidPointLines(parameters, checks, []);
    expect(lines).toEqual([
      'sweep point a=va: spec.fa: wrong',
      'sweep point a=vb: spec.fb: wrong',
      'sweep point a=vc: spec.fc: wrong',
      'sweep point a=vd: spec.fd: wrong',
      'sweep point a=ve: spec.fe: wrong',
      'sweep: 3 more invalid points for 3 other reasons',
      'sweep: 8 of 8 points are invalid and nothing ran: a sweep runs every point of its grid or none; drop the values that cannot go together, split the grid over several sweeps, or change the other values the message names',
    ]);
  });

  it('should say nothing when every point is valid', () => {
    const parameters = [{ path: 'a', values: [1, 2] }];
    expect(invalidPointLines(parameters, grid(parameters).map((c) => ({ indices: c.indices, label: 'x', problems: [] })), ['b.c'])).toEqual([]);
  });
});
