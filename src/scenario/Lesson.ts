/** A guided lesson over a scenario: where to stop, what to ask the student to predict, and what the answer means. */
import type { SimTime } from '../kernel/index.js';

/**
 * What a step asks the student to predict; the answer is never written in the file: the lab
 * computes it from the simulated run (src/lab/lessonAnswer.ts), so a lesson cannot disagree
 * with the model.
 * - `writes`: will API writes work `look` after the step?
 * - `quorum`: will the cluster hold its quorum `look` after the step?
 * - `leader`: who leads `look` after the step (a member, or nobody)?
 * - `writesBack`: from the step, how long until API writes work (again)?
 * - `whichWrites`: of the scenario's clusters, which can write `look` after the step?
 * - `whichServe`: of the clusters that run workloads, which serve them `look` after the step?
 */
export const LESSON_QUESTIONS = ['writes', 'quorum', 'leader', 'writesBack', 'whichWrites', 'whichServe'] as const;
export type LessonQuestion = (typeof LESSON_QUESTIONS)[number];

export interface LessonStep {
  /** When the step's event happens: the student sees the state just before, predicts, then sees `look` later. */
  readonly at: SimTime;
  /** How long after `at` the answer is read (default 10 s: long enough for an election). */
  readonly look: SimTime;
  /** What happens at `at`, told before the question. */
  readonly situation: string;
  readonly ask: LessonQuestion;
  /** The cluster the question is about (default: the first). */
  readonly cluster: string;
  /** Why the simulated answer is what it is, shown with it. */
  readonly explain: string;
}

export interface Lesson {
  readonly title: string;
  /** The starting situation, shown before the first step. */
  readonly intro: string;
  readonly steps: readonly LessonStep[];
}

/** Default `look` of a lesson step, seconds: a few election timeouts (etcd's default 1 s). */
export const LESSON_LOOK: SimTime = 10;
