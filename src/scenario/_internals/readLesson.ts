/** Reads a scenario's `lesson:` block into a typed Lesson, checking its times and cluster names against the scenario. */
import type { SimTime } from '../../kernel/index.js';
import { LESSON_LOOK, LESSON_QUESTIONS, type Lesson, type LessonStep } from '../Lesson.js';
import type { Path } from './Path.js';
import type { Problems } from './Problems.js';
import { field, need, readDuration, readEnum, readList, readObject, readString } from './read.js';

export function readLesson(p: Problems, raw: unknown, path: Path, horizon: SimTime, clusters: readonly string[]): Lesson | undefined {
  const obj = readObject(p, raw, path);
  if (obj === undefined) return undefined;
  const title = readString(p, need(p, obj, path, 'title'), [...path, 'title']);
  const intro = readString(p, field(obj, 'intro'), [...path, 'intro']) ?? '';
  const steps: LessonStep[] = [];
  let previous = -1;
  readList(p, need(p, obj, path, 'steps'), [...path, 'steps']).forEach((item, i) => {
    const sp: Path = [...path, 'steps', i];
    const step = readObject(p, item, sp);
    if (step === undefined) return;
    const at = readDuration(p, need(p, step, sp, 'at'), [...sp, 'at']);
    const look = readDuration(p, field(step, 'look'), [...sp, 'look'], true) ?? LESSON_LOOK;
    const situation = readString(p, need(p, step, sp, 'situation'), [...sp, 'situation']);
    const ask = readEnum(p, need(p, step, sp, 'ask'), [...sp, 'ask'], LESSON_QUESTIONS);
    const cluster = readString(p, field(step, 'cluster'), [...sp, 'cluster']) ?? clusters[0] ?? '';
    const explain = readString(p, need(p, step, sp, 'explain'), [...sp, 'explain']);
    if (at !== undefined && at + look > horizon) p.add([...sp, 'at'], `the step's answer (at + look) falls after the end of the run (horizon ${horizon} s)`);
    if (at !== undefined && at <= previous) p.add([...sp, 'at'], 'expected the steps in time order, each after the one before');
    if (at !== undefined) previous = at;
    if (!clusters.includes(cluster)) p.add([...sp, 'cluster'], `no cluster '${cluster.slice(0, 30)}' in spec.clusters`);
    if (at !== undefined && situation !== undefined && ask !== undefined && explain !== undefined) steps.push({ at, look, situation, ask, cluster, explain });
  });
  return title === undefined ? undefined : { title, intro, steps };
}
