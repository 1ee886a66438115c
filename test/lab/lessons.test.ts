/** The lab's lessons: the `lesson:` format and its checks, and each shipped lesson's simulated answers. */
import { describe, expect, it } from 'vitest';
import { shippedLessons } from '../../src/cli/labLessons.js';
import { autoLesson } from '../../src/lab/autoLesson.js';
import { writesBack } from '../../src/lab/lessonAnswer.js';
import { lessonMoment, lessonScore, prepareLesson, type LabLesson } from '../../src/lab/lessonRun.js';
import { loadScenario, parseScenario, ScenarioError } from '../../src/scenario/index.js';

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

/** The right choice of every step, as the run of seed 1 says (the lesson's explanations rely on them). */
const EXPECTED: Record<string, string[]> = {
  '01-lose-one-of-three': ['Yes: writes work', 'etcd-3', 'etcd-3'],
  '02-lose-two-of-three': ['Yes: quorum held', 'No: writes fail', 'Under 2 seconds (one election)'],
  '03-even-size-trap': ['Both', 'Neither', 'Both'],
  '04-two-datacenter-split': ['Yes: writes work', 'No: quorum lost', 'Under 2 seconds (one election)'],
  '05-leader-in-minority': ['Under 2 seconds (one election)', 'etcd-3', 'etcd-3'],
  '06-five-survive-a-datacenter': ['Only five', 'Under 2 seconds (one election)', 'Both'],
  '07-stalled-disk': ['etcd-1', 'etcd-2', 'Under 2 seconds (one election)', 'Yes: writes work'],
  '08-federation-canary': ['Only member-b', 'Both', 'Both'],
};

const answers = (l: LabLesson) => {
  const p = prepareLesson(l);
  return p.answers.map((a) => a.choices[a.answer]!);
};

describe('the shipped lessons in the lab', () => {
  const lessons = shippedLessons();

  it('should give every shipped lesson a lesson: block, numbered by its file', () => {
    expect(lessons.map((l) => [l.number, l.id])).toEqual(Object.keys(EXPECTED).map((id) => [Number.parseInt(id, 10), id]));
  });

  it.each(Object.entries(EXPECTED))('should answer %s as its explanations say (seed 1)', (id, expected) => {
    expect(answers(lessons.find((l) => l.id === id)!)).toEqual(expected);
  });

  it('should give the same answers under other seeds, except who wins an election', () => {
    for (const l of lessons) {
      for (const seed of SEEDS) {
        const got = answers({ ...l, scenario: { ...l.scenario, seed } });
        l.scenario.lesson.steps.forEach((step, i) => {
          if (step.ask === 'leader' && !(l.id === '07-stalled-disk' && i === 0)) expect(got[i]).toMatch(/^etcd-\d$/);
          else expect(got[i], `${l.id} step ${i + 1}, seed ${seed}`).toBe(EXPECTED[l.id]![i]);
        });
      }
    }
  });

  it('should hide the answer until it is revealed, then show the run up to `look` later, then the whole run', () => {
    const p = prepareLesson(lessons.find((l) => l.id === '02-lose-two-of-three')!);
    const question = lessonMoment(p, { id: p.lab.id, step: 1, answers: [0] });
    expect(question.phase).toBe('question');
    expect(question.now).toBe(600);
    expect(question.state.clusters[0]!.up).toBe(2); // etcd-3 has not crashed yet
    const answer = lessonMoment(p, { id: p.lab.id, step: 1, answers: [0, 0] });
    expect([answer.phase, answer.now, answer.state.clusters[0]!.up]).toEqual(['answer', 610, 1]);
    expect(lessonMoment(p, { id: p.lab.id, step: 3, answers: [0, 0, 1] })).toMatchObject({ phase: 'score', now: 1800 });
    expect(lessonScore(p, { id: p.lab.id, step: 3, answers: [0, 0, null] })).toEqual({ right: 1, predicted: 2, steps: 3 });
  });
});

describe('the lesson: block of a scenario file', () => {
  const base = `apiVersion: kubesim/v1
kind: Scenario
metadata: { name: l }
spec:
  horizon: 30m
  clusters:
    - { name: prod, model: multi-master, controlPlane: { nodes: 3 }, etcd: { members: 3 } }
  faults:
    - { at: 5m, crash: prod/etcd-2, for: 5m }
`;
  const problems = (lesson: string): string[] => {
    try {
      parseScenario(`${base}${lesson}`, 'l.yaml');
      return [];
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      return e.problems.map((p) => `${p.path}: ${p.message}`);
    }
  };

  it('should read a lesson with its defaults (look 10 s, the first cluster)', () => {
    const s = parseScenario(`${base}lesson:\n  title: T\n  steps:\n    - { at: 5m, situation: S, ask: writes, explain: E }\n`, 'l.yaml');
    expect(s.lesson).toEqual({ title: 'T', intro: '', steps: [{ at: 300, look: 10, situation: 'S', ask: 'writes', cluster: 'prod', explain: 'E' }] });
    expect(parseScenario(base, 'l.yaml').lesson).toBeUndefined();
  });

  it.each([
    ['an unknown question', '    - { at: 5m, situation: S, ask: when, explain: E }', 'lesson.steps[0].ask: expected one of'],
    ['a missing explanation', '    - { at: 5m, situation: S, ask: writes }', "lesson.steps[0]: missing required field 'explain'"],
    ['an unknown field', '    - { at: 5m, situation: S, ask: writes, explain: E, answer: 1 }', "lesson.steps[0].answer: unknown field 'answer'"],
    ['an answer after the end of the run', '    - { at: 30m, situation: S, ask: writes, explain: E }', "lesson.steps[0].at: the step's answer (at + look) falls after the end of the run"],
    ['an unknown cluster', '    - { at: 5m, situation: S, ask: writes, explain: E, cluster: staging }', "lesson.steps[0].cluster: no cluster 'staging' in spec.clusters"],
    ['steps out of order', '    - { at: 5m, situation: S, ask: writes, explain: E }\n    - { at: 1m, situation: S, ask: writes, explain: E }', 'lesson.steps[1].at: expected the steps in time order'],
  ])('should refuse %s with its path', (_why, step, message) => {
    expect(problems(`lesson:\n  title: T\n  steps:\n${step}\n`).join('\n')).toContain(message);
  });
});

describe('autoLesson', () => {
  it('should make one step per scripted fault start, telling the narration as the explanation', () => {
    const s = loadScenario('scenarios/az-partition.yaml');
    const lesson = autoLesson(s);
    expect(lesson.steps).toHaveLength(1);
    expect(lesson.steps[0]).toMatchObject({ at: 600, ask: 'writes', situation: 'The network splits: [az-a] | [az-b, az-c] cannot reach the rest for 20m.' });
    expect(lesson.steps[0]!.explain).toContain('What the run did: t=00:10:00 network partition [az-a]');
  });
});

describe('writesBack', () => {
  const lesson2 = prepareLesson(shippedLessons().find((l) => l.id === '02-lose-two-of-three')!);

  it.each([
    ['0 when writes do not fail in the window', 0, 10, 0],
    ['the time from the step until writes work again', 900, 910, 0.959],
    ['the whole outage when the step starts it', 600, 610, 300.959],
    ['from a step inside the outage, what is left of it', 700, 710, 200.959],
  ])('should give %s', (_why, from, until, expected) => {
    expect(writesBack(lesson2.steps, 0, from, until)).toBe(expected);
  });

  it('should be undefined when writes fail to the end of the run', () => {
    const cut = lesson2.steps.filter((s) => s.t <= 700);
    expect(writesBack(cut, 0, 650, 660)).toBeUndefined();
  });
});
