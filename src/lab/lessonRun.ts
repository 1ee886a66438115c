/** A lesson in the lab: its scenario run once, and what the page shows at each point of the student's progress. */
import type { SimTime } from '../kernel/index.js';
import { runReplication } from '../model/Replication.js';
import { buildTopology } from '../model/Topology.js';
import { narrateSteps, type NarratedStep } from '../report/narrate/narrate.js';
import { replaySteps, type ReplayedStep } from '../report/narrate/replaySteps.js';
import type { Snapshot } from '../report/narrate/TraceReplay.js';
import { workerPlaces, type WorkerPlaces } from '../report/narrate/workerGroups.js';
import type { Lesson } from '../scenario/Lesson.js';
import type { Scenario } from '../scenario/Scenario.js';
import { lessonAnswer, type LessonAnswer } from './lessonAnswer.js';
import type { LessonProgress } from './labUrl.js';

/** A lesson as the page carries it: a scenario file with a `lesson:` block, and its name. */
export interface LabLesson {
  /** The file's name without `.yaml` (`03-even-size-trap`), or `scenario` for `kubesim lab --scenario`. */
  readonly id: string;
  /** Its number in the lesson list, from 1 (0 for an opened scenario). */
  readonly number: number;
  readonly scenario: Scenario & { readonly lesson: Lesson };
}

/** A lesson with its run: computed once when the lesson opens. */
export interface PreparedLesson {
  readonly lab: LabLesson;
  readonly lesson: Lesson;
  /** Every step of the run, to its horizon. */
  readonly steps: readonly ReplayedStep[];
  /** Where its workers run, so that the narration counts many of a datacenter as `kubesim explain` does. */
  readonly places: WorkerPlaces;
  /** The simulated answer of each lesson step. */
  readonly answers: readonly LessonAnswer[];
}

/** What the page shows at a point of the lesson (as a LabRun shows the free lab). */
export interface LessonMoment {
  readonly now: SimTime;
  readonly replayed: readonly ReplayedStep[];
  readonly narrated: readonly NarratedStep[];
  readonly state: Snapshot;
  /** `question`: the step is told, the answer hidden; `answer`: revealed; `score`: the end. */
  readonly phase: 'question' | 'answer' | 'score';
}

/** Runs replication 0 of the lesson's scenario with a trace, as `kubesim explain` does. */
export function prepareLesson(lab: LabLesson): PreparedLesson {
  const topology = buildTopology(lab.scenario);
  const trace = runReplication(lab.scenario, topology, 0, { trace: true }).trace!;
  const steps = replaySteps(trace, topology);
  return { lab, lesson: lab.scenario.lesson, steps, places: workerPlaces(topology), answers: lab.scenario.lesson.steps.map((s) => lessonAnswer(steps, s)) };
}

/**
 * Where the lesson stands: before a step's answer is revealed the page shows the state just
 * before the step's event (so the board does not give the answer away); once revealed, `look`
 * after it; at the end, the whole run.
 */
export function lessonMoment(p: PreparedLesson, progress: LessonProgress): LessonMoment {
  const n = p.lesson.steps.length;
  const step = p.lesson.steps[Math.min(progress.step, n - 1)]!;
  const phase = progress.step >= n ? 'score' : progress.answers.length > progress.step ? 'answer' : 'question';
  const now = phase === 'score' ? p.lab.scenario.horizon : phase === 'answer' ? step.at + step.look : step.at;
  const cut = p.steps.filter((s) => (phase === 'question' ? s.t < now : s.t <= now));
  // A step at time 0 asks before anything happened: the start state.
  const replayed = cut.length > 0 ? cut : p.steps.slice(0, 1);
  const state = { ...replayed.at(-1)!.after, t: now };
  return { now, replayed, narrated: narrateSteps(replayed, { from: 0, to: now, places: p.places }), state, phase };
}

/** Correct predictions so far, and how many steps were answered with a prediction. */
export function lessonScore(p: PreparedLesson, progress: LessonProgress): { right: number; predicted: number; steps: number } {
  let right = 0;
  let predicted = 0;
  progress.answers.forEach((a, i) => {
    if (a === null || i >= p.answers.length) return;
    predicted++;
    if (a === p.answers[i]!.answer) right++;
  });
  return { right, predicted, steps: p.answers.length };
}
