/** Answers that may be refused: a refusal is a value carrying a one-line reason, never an exception. */

/** Why a question has no analytic answer (too large, needs exponential distributions, ...). */
export interface Refusal {
  readonly ok: false;
  readonly reason: string;
}

export type Answer<T> = { readonly ok: true; readonly value: T } | Refusal;

export function refuse(reason: string): Refusal {
  return { ok: false, reason };
}

export function answer<T>(value: T): Answer<T> {
  return { ok: true, value };
}
