/** The lab's keys as commands: which key does what, in free play and in a lesson (docs/teaching.md, "Presenter mode and keys"). */

/** What a key asks for; the page carries it out. */
export type KeyCommand =
  | { readonly kind: 'presenter' }
  | { readonly kind: 'help' }
  | { readonly kind: 'closeHelp' }
  | { readonly kind: 'pickLesson' }
  /** Free play: crash or recover member i (from 1). */
  | { readonly kind: 'member'; readonly member: number }
  | { readonly kind: 'back' }
  | { readonly kind: 'forward' }
  | { readonly kind: 'play' }
  | { readonly kind: 'wait'; readonly seconds: number }
  | { readonly kind: 'heal' }
  /** A lesson: predict choice k (from 0), or reveal without predicting (null). */
  | { readonly kind: 'predict'; readonly choice: number | null };

/** Where the key was pressed: the page's mode, and what has the focus. */
export interface KeyContext {
  readonly inLesson: boolean;
  readonly helpOpen: boolean;
  /** The focused element's tag name (BUTTON, INPUT, …), or '' for the page itself. */
  readonly focus: string;
}

/**
 * The command of a key, or null to leave the key to the browser: keys typed in a field or a list
 * are theirs, and Space and Enter press a focused button.
 */
export function keyCommand(key: string, c: KeyContext): KeyCommand | null {
  if (c.focus === 'INPUT' || c.focus === 'SELECT' || c.focus === 'TEXTAREA') return null;
  const onButton = c.focus === 'BUTTON';
  if (key === 'p' || key === 'P') return { kind: 'presenter' };
  if (key === '?') return { kind: 'help' };
  if (key === 'Escape') return c.helpOpen ? { kind: 'closeHelp' } : null;
  if (key === 'l' || key === 'L') return { kind: 'pickLesson' };
  if (key === 'ArrowLeft') return { kind: 'back' };
  if (key === 'ArrowRight') return { kind: 'forward' };
  const digit = /^[1-9]$/.test(key) ? Number(key) : undefined;
  if (c.inLesson) {
    if (digit !== undefined) return { kind: 'predict', choice: digit - 1 };
    if (key === 'r' || key === 'R') return { kind: 'predict', choice: null };
    if (key === 'Enter' && !onButton) return { kind: 'forward' };
    return null;
  }
  if (digit !== undefined) return { kind: 'member', member: digit };
  if (key === ' ' && !onButton) return { kind: 'play' };
  if (key === 't') return { kind: 'wait', seconds: 2 };
  if (key === 'T') return { kind: 'wait', seconds: 10 };
  if (key === 'm') return { kind: 'wait', seconds: 60 };
  if (key === 'h') return { kind: 'heal' };
  return null;
}

/** The keys, as the page's "Keys" panel lists them (docs/teaching.md lists the same). */
export const KEYS: readonly (readonly [string, string])[] = [
  ['1 – 9', 'free play: crash or recover etcd-1 … etcd-9; in a lesson: choose answer 1 … 9'],
  ['← / →', 'free play: back / forward one step; in a lesson: previous / next step'],
  ['Space', 'free play: play / pause (real time); on a focused button: press it'],
  ['t / T / m', 'free play: let 2 s / 10 s / 1 min pass'],
  ['h', 'free play: heal the network'],
  ['r', 'in a lesson: show the answer without predicting'],
  ['Enter', 'press the focused button; in a lesson: next step'],
  ['Tab / Shift+Tab', 'move between controls (a visible outline shows where you are)'],
  ['l', 'go to the lesson picker (↑ ↓ to choose)'],
  ['p', 'presenter mode on / off (large type, high contrast)'],
  ['?', 'show / hide this panel (Esc closes it)'],
];
