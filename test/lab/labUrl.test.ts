/** The lab's state in a URL fragment: every state reads back as itself, and bad links are messages. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LabStep } from '../../src/lab/labHistory.js';
import { LAB_DEFAULTS, LAB_HORIZON, type LabConfig } from '../../src/lab/labScenario.js';
import { decodeLabState, encodeLabState, initialState, MAX_STEPS, type LabState } from '../../src/lab/labUrl.js';

const config: fc.Arbitrary<LabConfig> = fc.record({
  members: fc.integer({ min: 1, max: 9 }),
  datacenters: fc.integer({ min: 1, max: 3 }),
  preVote: fc.boolean(),
  seed: fc.maxSafeNat(),
});
const member = fc.integer({ min: 1, max: 9 });
const step: fc.Arbitrary<LabStep> = fc.oneof(
  fc.integer({ min: 1, max: LAB_HORIZON * 1000 }).map((ms) => ({ kind: 'advance' as const, seconds: ms / 1000 })),
  member.map((m) => ({ kind: 'crash' as const, member: m })),
  member.map((m) => ({ kind: 'recover' as const, member: m })),
  fc.record({ datacenters: fc.subarray(['dc-a', 'dc-b', 'dc-c']), members: fc.array(member, { maxLength: 4 }) }).map((c) => ({ kind: 'partition' as const, ...c })),
  fc.constant({ kind: 'heal' as const }),
  config.map((c) => ({ kind: 'configure' as const, config: c })),
);
const state: fc.Arbitrary<LabState> = fc
  .record({
    config,
    actions: fc.array(step, { maxLength: 30 }),
    cursorFraction: fc.double({ min: 0, max: 1, noNaN: true }),
    compare: fc.array(config, { maxLength: 2 }),
    presenter: fc.boolean(),
    lesson: fc.option(
      fc.record({
        id: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/),
        step: fc.integer({ min: 0, max: 99 }),
        answers: fc.array(fc.option(fc.integer({ min: 0, max: 9 }), { nil: null }), { maxLength: 10 }),
      }),
      { nil: null },
    ),
  })
  .map(({ config: c, actions, cursorFraction, compare, presenter, lesson }) => ({
    history: { config: c, actions, cursor: Math.round(cursorFraction * actions.length) },
    compare,
    presenter,
    lesson,
  }));

describe('the lab state in a URL fragment', () => {
  it('should read back every state as itself', () => {
    fc.assert(
      fc.property(state, (s) => {
        const fragment = encodeLabState(s);
        expect(decodeLabState(`#${fragment}`)).toEqual({ ok: true, state: s });
        // What a browser keeps of a fragment: nothing in it needs escaping.
        expect(fragment).toMatch(/^[A-Za-z0-9=&,.;@\-]+$/);
      }),
    );
  });

  it('should write the starting state in a few characters', () => {
    expect(encodeLabState(initialState())).toBe('v=1&c=m3d3p1s1');
    const h = { config: LAB_DEFAULTS, actions: [{ kind: 'advance', seconds: 10 }, { kind: 'crash', member: 2 }, { kind: 'partition', datacenters: ['dc-a'], members: [3] }] as LabStep[], cursor: 2 };
    expect(encodeLabState({ ...initialState(), history: h })).toBe('v=1&c=m3d3p1s1&s=w10,x2,cdc-a.3&at=2');
  });

  it.each([
    ['', 'not a quorum lab link of this version (expected v=1 first)'],
    ['v=2', 'not a quorum lab link of this version (expected v=1 first)'],
    ['v=1&c=m10d3p1s1', 'members: expected 1 to 9, found 10'],
    ['v=1&s=w0', "step 'w0': expected more than 0 and at most 14400 seconds"],
    ['v=1&s=x2,q', "step 'q': expected w, x, r, c, h or @ first"],
    ['v=1&s=cdc-d', "step 'cdc-d': no datacenter 'dc-d'"],
    ['v=1&s=x1&at=2', 'at: expected 0 to 1, found 2'],
    ['v=1&vs=m3d3p1s1;m4d3p1s1;m5d3p1s1', 'vs: at most 2 configurations to compare'],
    ['v=1&zz=1', "unknown part 'zz'"],
    ['v=1&c=%E0', "'%E0': malformed %-escape"],
    ['v=1&ls=2', 'ls and la need l (the lesson)'],
    [`v=1&s=${Array.from({ length: MAX_STEPS + 1 }, () => 'h').join(',')}`, `${MAX_STEPS + 1} steps: at most ${MAX_STEPS}`],
  ])('should refuse %s with a message', (fragment, problem) => {
    expect(decodeLabState(fragment)).toEqual({ ok: false, problem });
  });
});
