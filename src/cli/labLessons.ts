/** The lessons `kubesim lab` puts in its page: the shipped scenarios/lessons/, and a scenario named with --scenario. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HOUR } from '../kernel/index.js';
import { autoLesson } from '../lab/autoLesson.js';
import type { LabLesson } from '../lab/lessonRun.js';
import { loadScenario, parseScenario } from '../scenario/index.js';
import type { Scenario } from '../scenario/Scenario.js';
import { InputError } from './errors.js';
import { readScenarioSource } from './stdinInput.js';

/** The package's lessons folder: two folders above this module, from dist/cli/ and src/cli/ alike. */
export const LESSONS_DIR = fileURLToPath(new URL('../../scenarios/lessons/', import.meta.url));

/** Longest run the lab replays in a browser: a week (longer runs: `kubesim explain --from --to`). */
export const LAB_MAX_HORIZON = 7 * 24 * HOUR;

/** Every shipped lesson with a `lesson:` block, numbered by its file name (`03-…` is lesson 3). */
export function shippedLessons(dir = LESSONS_DIR): LabLesson[] {
  return readdirSync(dir)
    .filter((f) => /^\d+-.*\.yaml$/.test(f))
    .sort()
    .flatMap((f) => {
      const scenario = loadScenario(join(dir, f));
      const { file: _file, ...plain } = scenario;
      return plain.lesson === undefined ? [] : [{ id: f.replace(/\.yaml$/, ''), number: Number.parseInt(f, 10), scenario: { ...plain, lesson: plain.lesson } }];
    });
}

/** `--lesson N`: a lesson's number or its file name without `.yaml`. */
export function pickLesson(lessons: readonly LabLesson[], value: string): LabLesson {
  const found = lessons.find((l) => String(l.number) === value.trim() || l.id === value.trim());
  if (found !== undefined) return found;
  const numbers = lessons.map((l) => l.number);
  throw new InputError(`--lesson: expected a lesson number from ${Math.min(...numbers)} to ${Math.max(...numbers)} or a lesson's name (e.g. ${lessons[0]?.id ?? '01-…'}), found '${value.slice(0, 40)}'`);
}

/**
 * `--scenario FILE`: a scenario to step through in the lab. Its own `lesson:` block if it has
 * one, else a lesson made from its scripted faults; a file with neither, or longer than a week,
 * is refused (one line, exit 2).
 */
export function scenarioLesson(path: string): LabLesson {
  const { file, text } = readScenarioSource(path);
  const s: Scenario = parseScenario(text, file);
  if (s.horizon > LAB_MAX_HORIZON) throw new InputError(`--scenario ${file}: the run lasts longer than a week (the lab replays it in the browser); narrate it with kubesim explain --from --to`);
  if (s.lesson === undefined && s.faults.length === 0) throw new InputError(`--scenario ${file}: has no scripted faults and no lesson: block; the lab steps through scripted faults`);
  const { file: _file, ...plain } = s;
  return { id: 'scenario', number: 0, scenario: { ...plain, lesson: s.lesson ?? autoLesson(s) } };
}
