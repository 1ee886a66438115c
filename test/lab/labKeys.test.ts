/** The lab's keys: what each key does in free play and in a lesson, and the keys left to the browser. */
import { describe, expect, it } from 'vitest';
import { KEYS, keyCommand, type KeyContext } from '../../src/lab/labKeys.js';

const FREE: KeyContext = { inLesson: false, helpOpen: false, focus: 'BODY' };
const LESSON: KeyContext = { ...FREE, inLesson: true };

describe('keyCommand', () => {
  it.each<[string, string, KeyContext, unknown]>([
    ['a digit crashes or recovers that member in free play', '3', FREE, { kind: 'member', member: 3 }],
    ['a digit chooses that answer in a lesson (answers count from 1 on screen)', '3', LESSON, { kind: 'predict', choice: 2 }],
    ['r reveals without predicting, in a lesson only', 'r', LESSON, { kind: 'predict', choice: null }],
    ['r does nothing in free play', 'r', FREE, null],
    ['arrows step back and forward in both', 'ArrowLeft', LESSON, { kind: 'back' }],
    ['Enter goes to the next step of a lesson', 'Enter', LESSON, { kind: 'forward' }],
    ['Enter on a focused button presses the button', 'Enter', { ...LESSON, focus: 'BUTTON' }, null],
    ['Space plays in free play', ' ', FREE, { kind: 'play' }],
    ['Space on a focused button presses the button', ' ', { ...FREE, focus: 'BUTTON' }, null],
    ['t, T and m let 2 s, 10 s and 1 min pass', 'T', FREE, { kind: 'wait', seconds: 10 }],
    ['h heals', 'h', FREE, { kind: 'heal' }],
    ['p toggles presenter mode anywhere but in a field', 'p', LESSON, { kind: 'presenter' }],
    ['? opens the keys', '?', FREE, { kind: 'help' }],
    ['Escape closes the keys when they are open', 'Escape', { ...FREE, helpOpen: true }, { kind: 'closeHelp' }],
    ['Escape is the browser\'s otherwise', 'Escape', FREE, null],
    ['l goes to the lesson picker', 'l', FREE, { kind: 'pickLesson' }],
    ['keys typed in the seed field are the field\'s', '3', { ...FREE, focus: 'INPUT' }, null],
    ['keys in the lesson picker are the picker\'s', 'ArrowLeft', { ...FREE, focus: 'SELECT' }, null],
  ])('%s', (_why, key, context, expected) => {
    expect(keyCommand(key, context)).toEqual(expected);
  });

  it('should list in the keys panel every key it knows', () => {
    const listed = KEYS.map(([k]) => k).join(' ');
    for (const k of ['1 – 9', '←', '→', 'Space', 't / T / m', 'h', 'r', 'Enter', 'l', 'p', '?']) expect(listed).toContain(k);
  });
});
