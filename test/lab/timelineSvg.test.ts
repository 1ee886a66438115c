/** The lab's timeline draws what happened up to now, never after: the axis may run on, the bars stop. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labRun } from '../../src/lab/labRun.js';
import type { LabAction } from '../../src/lab/labScenario.js';
import { timelineSvg } from '../../src/lab/timelineSvg.js';
import { runs } from '../runs.js';

const CONFIG = { members: 3, datacenters: 3, seed: 1, preVote: true };
const WIDTH = 1000;
const LABEL = 118;
const PLOT = WIDTH - LABEL - 12;

/** The right edge (pixels) of every bar of the SVG. */
function barEnds(svg: string): number[] {
  return [...svg.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g)].map((m) => Number(m[1]) + Number(m[2]));
}

describe('the lab timeline', () => {
  it('should stop every bar at now while the axis keeps its 10 s minimum (a crash at 2 s, now 4 s)', () => {
    const actions: LabAction[] = [
      { kind: 'advance', seconds: 2 },
      { kind: 'crash', member: 3 },
      { kind: 'advance', seconds: 2 },
    ];
    const run = labRun(CONFIG, actions);
    expect(run.now).toBe(4);
    const svg = timelineSvg(run.replayed, { from: 0, to: 10, now: run.now, width: WIDTH, marks: [] });
    const nowX = LABEL + (4 / 10) * PLOT;
    const ends = barEnds(svg);
    expect(ends.length).toBeGreaterThan(0);
    for (const e of ends) expect(e).toBeLessThanOrEqual(nowX + 1e-6);
    expect(Math.max(...ends)).toBeCloseTo(nowX, 1);
    expect(svg).toContain('class="now"');
    expect(svg).toContain('>10s</text>'); // the axis still runs to 10 s
  });

  it('should draw no bar at time 0, before anything happened', () => {
    const run = labRun(CONFIG, []);
    const svg = timelineSvg(run.replayed, { from: 0, to: 10, now: 0, width: WIDTH, marks: [] });
    expect(barEnds(svg)).toEqual([]);
  });

  it('should never draw past now, whatever the student did and whatever the axis span', () => {
    const action = fc.oneof(
      fc.integer({ min: 1, max: 30_000 }).map((ms): LabAction => ({ kind: 'advance', seconds: ms / 1000 })),
      fc.integer({ min: 1, max: 3 }).map((m): LabAction => ({ kind: 'crash', member: m })),
      fc.integer({ min: 1, max: 3 }).map((m): LabAction => ({ kind: 'recover', member: m })),
    );
    fc.assert(
      fc.property(fc.array(action, { maxLength: 8 }), fc.integer({ min: 0, max: 60 }), (actions, extra) => {
        const run = labRun(CONFIG, actions);
        const to = Math.max(run.now, 10) + extra;
        const svg = timelineSvg(run.replayed, { from: 0, to, now: run.now, width: WIDTH, marks: [] });
        const nowX = LABEL + (run.now / to) * PLOT;
        // A bar is at least 0.75 px wide, so an instant at now may poke out by that much.
        for (const e of barEnds(svg)) expect(e).toBeLessThanOrEqual(nowX + 0.76);
      }),
      { numRuns: runs(40) },
    );
  });
});
