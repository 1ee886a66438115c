/** The lab's history of actions, with a cursor: steps go back and forward like undo and redo. */
import type { LabAction, LabConfig } from './labScenario.js';

/** Immutable: every change returns a new history. `actions.slice(0, cursor)` have been applied. */
export interface LabHistory {
  readonly config: LabConfig;
  readonly actions: readonly LabAction[];
  readonly cursor: number;
}

export function newHistory(config: LabConfig): LabHistory {
  return { config, actions: [], cursor: 0 };
}

/** The actions in effect: those before the cursor. */
export function applied(h: LabHistory): readonly LabAction[] {
  return h.actions.slice(0, h.cursor);
}

/**
 * Does an action now: the actions after the cursor (undone ones) are dropped, as in an editor.
 * With `merge`, an advance right after an advance extends it (the play button's ticks make one
 * step, not hundreds).
 */
export function act(h: LabHistory, action: LabAction, merge = false): LabHistory {
  const kept = h.actions.slice(0, h.cursor);
  const last = kept.at(-1);
  if (merge && action.kind === 'advance' && last?.kind === 'advance') {
    const seconds = Math.round((last.seconds + action.seconds) * 1000) / 1000;
    return { ...h, actions: [...kept.slice(0, -1), { kind: 'advance', seconds }], cursor: kept.length };
  }
  return { ...h, actions: [...kept, action], cursor: kept.length + 1 };
}

export function canGoBack(h: LabHistory): boolean {
  return h.cursor > 0;
}

export function canGoForward(h: LabHistory): boolean {
  return h.cursor < h.actions.length;
}

export function back(h: LabHistory): LabHistory {
  return canGoBack(h) ? { ...h, cursor: h.cursor - 1 } : h;
}

export function forward(h: LabHistory): LabHistory {
  return canGoForward(h) ? { ...h, cursor: h.cursor + 1 } : h;
}

/** Puts the cursor after action `i` (0: before any action). */
export function jump(h: LabHistory, cursor: number): LabHistory {
  return { ...h, cursor: Math.max(0, Math.min(h.actions.length, Math.floor(cursor))) };
}
