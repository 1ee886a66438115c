/** The lab's history of steps, with a cursor: steps go back and forward like undo and redo. */
import { fitActions, type LabAction, type LabConfig } from './labScenario.js';

/**
 * A step of the history: an action at the current simulated time, or a change of configuration.
 * A change of configuration keeps the steps: the same actions are run again with the new members,
 * datacenters, pre-vote or seed, so a class sees at once what they would have done there.
 */
export type LabStep = LabAction | { readonly kind: 'configure'; readonly config: LabConfig };

/**
 * Immutable: every change returns a new history. `actions.slice(0, cursor)` have been applied;
 * `config` is the configuration before the first step (later ones are `configure` steps).
 */
export interface LabHistory {
  readonly config: LabConfig;
  readonly actions: readonly LabStep[];
  readonly cursor: number;
}

export function newHistory(config: LabConfig): LabHistory {
  return { config, actions: [], cursor: 0 };
}

/** The configuration in effect: the last change before the cursor, or the starting one. */
export function configOf(h: LabHistory): LabConfig {
  let config = h.config;
  for (const s of h.actions.slice(0, h.cursor)) if (s.kind === 'configure') config = s.config;
  return config;
}

/** The actions before the cursor, without the configuration changes, as the student took them. */
export function actionsTaken(h: LabHistory): readonly LabAction[] {
  return h.actions.slice(0, h.cursor).filter((s): s is LabAction => s.kind !== 'configure');
}

/** The actions in effect: those taken, fitted to the configuration in effect. */
export function applied(h: LabHistory): readonly LabAction[] {
  return fitActions(configOf(h), actionsTaken(h));
}

/**
 * Does a step now: the steps after the cursor (undone ones) are dropped, as in an editor.
 * With `merge`, an advance right after an advance extends it (the play button's ticks make one
 * step, not hundreds), and so does a configuration change right after one.
 */
export function act(h: LabHistory, action: LabStep, merge = false): LabHistory {
  const kept = h.actions.slice(0, h.cursor);
  const last = kept.at(-1);
  if (merge && action.kind === 'advance' && last?.kind === 'advance') {
    const seconds = Math.round((last.seconds + action.seconds) * 1000) / 1000;
    return { ...h, actions: [...kept.slice(0, -1), { kind: 'advance', seconds }], cursor: kept.length };
  }
  return { ...h, actions: [...kept, action], cursor: kept.length + 1 };
}

/** Changes the configuration as a step (nothing when it is the one in effect). */
export function reconfigure(h: LabHistory, change: Partial<LabConfig>): LabHistory {
  const current = configOf(h);
  const config = { ...current, ...change };
  const same = (Object.keys(config) as (keyof LabConfig)[]).every((k) => config[k] === current[k]);
  return same ? h : act(h, { kind: 'configure', config });
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
