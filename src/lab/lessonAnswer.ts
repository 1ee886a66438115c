/** A lesson step's question, its choices and the answer the simulated run gives. */
import { formatDuration, type SimTime } from '../kernel/index.js';
import type { ReplayedStep } from '../report/narrate/replaySteps.js';
import type { ClusterSnapshot, Snapshot } from '../report/narrate/TraceReplay.js';
import type { LessonStep } from '../scenario/Lesson.js';
import { clusterStatus } from './render.js';

export interface LessonAnswer {
  readonly question: string;
  readonly choices: readonly string[];
  /** Index of the right choice, as the simulated run says. */
  readonly answer: number;
  /** The fact behind it, in a few words ("writes failed for 5m 0.959s"). */
  readonly because: string;
}

/** Bands of the time until writes work again; the bounds are an election (1-2 s) and a minute. */
const WRITES_BACK = ['They never stop', 'Under 2 seconds (one election)', '2 seconds to 1 minute', 'More than 1 minute', 'Not before the run ends'];

/** The state after every step at or before t. */
export function stateAt(steps: readonly ReplayedStep[], t: SimTime): Snapshot {
  let state = steps[0]!.after;
  for (const s of steps) {
    if (s.t > t) break;
    state = s.after;
  }
  return state;
}

function clusterIndex(steps: readonly ReplayedStep[], name: string): number {
  const k = steps[0]!.after.clusters.findIndex((c) => c.name === name);
  if (k < 0) throw new Error(`lesson: no cluster ${name} in the run`);
  return k;
}

const short = (name: string) => name.slice(name.indexOf('/') + 1);
const within = (look: SimTime) => formatDuration(look);

/** The question of a step and the run's answer to it (`steps` is the whole run, to its horizon). */
export function lessonAnswer(steps: readonly ReplayedStep[], step: LessonStep): LessonAnswer {
  const k = clusterIndex(steps, step.cluster);
  const then = stateAt(steps, step.at + step.look);
  const c: ClusterSnapshot = then.clusters[k]!;
  const st = clusterStatus(c);
  const named = then.clusters.length > 1 ? ` in ${step.cluster}` : '';
  switch (step.ask) {
    case 'writes':
      return {
        question: `${within(step.look)} later, will API writes${named} work?`,
        choices: ['Yes: writes work', 'No: writes fail'],
        answer: st.writes ? 0 : 1,
        because: st.writes ? 'API writes work' : `API writes fail (${st.whyNoWrites})`,
      };
    case 'quorum':
      return {
        question: `${within(step.look)} later, will etcd${named} hold its quorum?`,
        choices: ['Yes: quorum held', 'No: quorum lost'],
        answer: st.held ? 0 : 1,
        because: `${st.inTouch} of ${c.members.length} members in touch, ${c.quorum} needed`,
      };
    case 'leader': {
      const choices = [...c.members.map((m) => short(m.name)), 'Nobody'];
      const i = c.leader === null ? choices.length - 1 : choices.indexOf(short(c.leader));
      return {
        question: `${within(step.look)} later, who leads${named}?`,
        choices,
        answer: i,
        because: c.leader === null ? 'no leader' : `${short(c.leader)} leads term ${c.term}${st.leaderCommits ? '' : ' but cannot commit'}`,
      };
    }
    case 'writesBack': {
      const back = writesBack(steps, k, step.at, step.at + step.look);
      const answer = back === 0 ? 0 : back === undefined ? 4 : back < 2 ? 1 : back <= 60 ? 2 : 3;
      return {
        question: `From now, how long until API writes${named} work (again)?`,
        choices: WRITES_BACK,
        answer,
        because: back === 0 ? `writes did not fail in the next ${within(step.look)}` : back === undefined ? 'writes fail to the end of the run' : `writes work again after ${formatDuration(back)}`,
      };
    }
    case 'whichWrites':
      return which(then, step.look, 'apiWrite', 'which cluster can still take API writes', 'can write', (x) => x.members.length > 0 && clusterStatus(x).writes);
    case 'whichServe':
      return which(then, step.look, 'workloads', 'which cluster still serves its workloads', 'serve', (x) => x.signals['workloads'] === true);
  }
}

/** "Which clusters …": all, only one, or none of the clusters that have the signal. */
function which(then: Snapshot, look: SimTime, signal: string, asking: string, verb: string, ok: (c: ClusterSnapshot) => boolean): LessonAnswer {
  const clusters = then.clusters.filter((x) => x.signals[signal] !== undefined);
  const names = clusters.map((x) => x.name);
  const yes = clusters.filter(ok).map((x) => x.name);
  const choices = [names.length === 2 ? 'Both' : 'All of them', ...names.map((n) => `Only ${n}`), names.length === 2 ? 'Neither' : 'None'];
  const answer = yes.length === names.length ? 0 : yes.length === 0 ? choices.length - 1 : yes.length === 1 ? 1 + names.indexOf(yes[0]!) : -1;
  if (answer < 0) throw new Error(`lesson: at ${then.t} s ${yes.join(' and ')} ${verb}: a ${asking} answer must be all, one or none`);
  return { question: `${within(look)} later, ${asking}?`, choices, answer, because: yes.length === 0 ? `no cluster can ${verb}` : `${yes.join(' and ')} ${verb === 'serve' && yes.length === 1 ? 'serves' : verb}` };
}

/**
 * Seconds from `from` until writes of cluster k work again: 0 when they never fail in
 * [from, until], undefined when they fail to the end of the run.
 */
export function writesBack(steps: readonly ReplayedStep[], k: number, from: SimTime, until: SimTime): SimTime | undefined {
  const writes = (s: Snapshot) => s.clusters[k]!.signals['apiWrite'] !== false;
  let downAt: SimTime | undefined = writes(stateAt(steps, from)) ? undefined : from;
  for (const s of steps) {
    if (s.t < from) continue;
    if (downAt === undefined) {
      if (s.t > until) return 0;
      if (!writes(s.after)) downAt = s.t;
    } else if (writes(s.after)) return Math.round((s.t - from) * 1000) / 1000;
  }
  return downAt === undefined ? 0 : undefined;
}
