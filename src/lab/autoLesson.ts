/** A lesson made from a scenario's scripted faults, for `kubesim lab --scenario` on a file without a `lesson:` block. */
import { formatDuration, type SimTime } from '../kernel/index.js';
import { runReplication } from '../model/Replication.js';
import { buildTopology } from '../model/Topology.js';
import { narrateSteps } from '../report/narrate/narrate.js';
import { replaySteps } from '../report/narrate/replaySteps.js';
import { workerPlaces } from '../report/narrate/workerGroups.js';
import { LESSON_LOOK, type Lesson, type LessonStep } from '../scenario/Lesson.js';
import type { Fault, Scenario } from '../scenario/Scenario.js';

/** Steps a made-up lesson stops at, at most (the lesson format's own limit). */
const MAX_STEPS = 20;

/** The fault in a few words, as the situation of a step. */
export function faultText(f: Fault): string {
  const r = f as unknown as { target?: string; duration?: SimTime; groups?: readonly (readonly string[])[]; version?: string; bad?: boolean };
  const lasting = r.duration === undefined ? '' : ` for ${formatDuration(r.duration)}`;
  switch (f.kind) {
    case 'crash':
      return `${r.target} crashes${lasting}.`;
    case 'freeze':
      return `${r.target} freezes (its process or disk stalls)${lasting}.`;
    case 'outage':
      return `${r.target} goes dark${lasting}.`;
    case 'partition':
      return `The network splits: ${(r.groups ?? []).map((g) => `[${g.join(', ')}]`).join(' | ')} cannot reach the rest${lasting}.`;
    case 'rollout':
      return `A rollout of version ${r.version ?? '?'} starts${r.bad === true ? ' (the version is bad)' : ''}.`;
    default:
      return `A scripted ${f.kind}${r.target === undefined ? '' : ` of ${r.target}`} starts${lasting}.`;
  }
}

/**
 * One step per distinct start time of a scripted fault (the first MAX_STEPS that leave time to
 * look), each asking whether API writes of the first cluster work `look` later; the explanation
 * is the narration of what the run did at that time, as `kubesim explain` tells it.
 */
export function autoLesson(s: Scenario): Lesson {
  const look = Math.min(LESSON_LOOK, s.horizon / 10);
  const times = [...new Set(s.faults.map((f) => f.at))].filter((t) => t + look <= s.horizon).slice(0, MAX_STEPS);
  const topology = buildTopology(s);
  const narrated = narrateSteps(replaySteps(runReplication(s, topology, 0, { trace: true }).trace!, topology), { places: workerPlaces(topology) });
  const cluster = s.clusters[0]?.name ?? '';
  const steps = times.map((at): LessonStep => {
    const said = narrated.filter((n) => n.t >= at && n.t <= at + look).map((n) => n.line);
    return {
      at,
      look,
      situation: s.faults.filter((f) => f.at === at).map(faultText).join(' '),
      ask: 'writes',
      cluster,
      explain: said.length > 0 ? `What the run did: ${said.join(' — ')}` : 'Nothing changed in the run.',
    };
  });
  return { title: s.description !== '' ? `${s.name}: ${s.description}` : s.name, intro: '', steps };
}
