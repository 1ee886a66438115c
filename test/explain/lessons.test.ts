/** The lesson scenarios, narrated: each against its expected transcript, and each lesson's claims under several seeds. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explanation, explanationText } from '../../src/report/narrate/explanation.js';
import type { NarratedStep } from '../../src/report/narrate/narrate.js';
import { loadScenario } from '../../src/scenario/index.js';
import type { Scenario } from '../../src/scenario/Scenario.js';

const LESSONS = 'scenarios/lessons';
const EXPECTED = 'test/explain/expected';

function explain(s: Scenario) {
  return explanation(s, { replication: 0, from: 0, to: s.horizon, chartWidth: 60, unicode: false, color: false });
}

function lesson(name: string, seed?: number): Scenario {
  const s = loadScenario(join(LESSONS, `${name}.yaml`));
  return seed === undefined ? s : { ...s, seed };
}

/** The step at exactly `t` seconds. */
function at(steps: readonly NarratedStep[], t: number): NarratedStep {
  const step = steps.find((s) => s.t === t);
  if (!step) throw new Error(`no step at ${t} s; steps at ${steps.map((s) => s.t).join(', ')}`);
  return step;
}

/** Seconds a signal of the first cluster is down over the narrated steps (steps hold the state after them). */
function downSeconds(steps: readonly NarratedStep[], signal: string, horizon: number, cluster = 0): number {
  let down = 0;
  steps.forEach((s, i) => {
    const end = steps[i + 1]?.t ?? horizon;
    if (s.state.clusters[cluster]!.signals[signal] === false) down += end - s.t;
  });
  return down;
}

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

describe('lesson transcripts', () => {
  const files = readdirSync(LESSONS).filter((f) => f.endsWith('.yaml'));

  it('should ship the eight lessons, each with an expected transcript', () => {
    expect(files).toEqual([
      '01-lose-one-of-three.yaml',
      '02-lose-two-of-three.yaml',
      '03-even-size-trap.yaml',
      '04-two-datacenter-split.yaml',
      '05-leader-in-minority.yaml',
      '06-five-survive-a-datacenter.yaml',
      '07-stalled-disk.yaml',
      '08-federation-canary.yaml',
    ]);
  });

  for (const f of files) {
    it(`should narrate ${f} exactly as test/explain/expected/${f.replace('.yaml', '.txt')} says`, () => {
      const expected = readFileSync(join(EXPECTED, f.replace('.yaml', '.txt')), 'utf8');
      const actual = explanationText(explain(loadScenario(join(LESSONS, f))));
      // Line by line first, so that a difference names the step.
      expect(actual.split('\n')).toEqual(expected.split('\n'));
    });
  }

  it('should open every lesson with a comment header and the schema for editors', () => {
    for (const f of files) {
      const text = readFileSync(join(LESSONS, f), 'utf8');
      expect(text.startsWith('# yaml-language-server: $schema=../../schema/scenario.schema.json\n#\n# Lesson ')).toBe(true);
      expect(text).toContain(`kubesim explain scenarios/lessons/${f}`);
    }
  });
});

describe('what each lesson claims, whatever the seed', () => {
  it('lesson 1: one of three down keeps quorum; losing the leader costs one election of at most ~2 s', () => {
    for (const seed of SEEDS) {
      const s = lesson('01-lose-one-of-three', seed);
      const { steps } = explain(s);
      expect(at(steps, 300).line).toContain('etcd-2 crashes: 2 of 3 members up, quorum needs 2 (can lose 0 more), leader etcd-1 (term 1): still writable');
      expect(downSeconds(steps, 'etcdQuorum', s.horizon)).toBe(0);
      const election = downSeconds(steps, 'apiWrite', s.horizon);
      expect(election).toBeGreaterThan(0);
      expect(election).toBeLessThan(2.01); // [1, 2) election timeouts plus a round trip and an fsync
      expect(at(steps, 1200).line).toContain('was the leader and went down');
      expect(downSeconds(steps, 'workloads', s.horizon)).toBe(0);
    }
  });

  it('lesson 2: two of three down loses quorum for exactly those five minutes, and pods keep running', () => {
    for (const seed of SEEDS) {
      const s = lesson('02-lose-two-of-three', seed);
      const { steps } = explain(s);
      expect(at(steps, 600).line).toMatch(/etcd-3 crashes: 1 of 3 members up, quorum needs 2, .*: QUORUM LOST, API writes fail; pods keep running/);
      expect(downSeconds(steps, 'etcdQuorum', s.horizon)).toBe(300);
      expect(downSeconds(steps, 'apiWrite', s.horizon)).toBeLessThan(302.01);
      expect(steps.some((x) => x.t > 600 && x.t < 603 && /check-quorum/.test(x.line))).toBe(true);
      expect(downSeconds(steps, 'workloads', s.horizon)).toBe(0);
    }
  });

  it('lesson 3: four members lose quorum on the same second failure as three', () => {
    for (const seed of SEEDS) {
      const s = lesson('03-even-size-trap', seed);
      const { steps } = explain(s);
      const start = at(steps, 0).state.clusters;
      expect(start.map((c) => [c.name, c.members.length, c.quorum, c.tolerated])).toEqual([
        ['three', 3, 2, 1],
        ['four', 4, 3, 1],
      ]);
      expect(at(steps, 300).line).toMatch(/\[three\] 2 of 3 members up, quorum needs 2 \(can lose 0 more\).*\[four\] 3 of 4 members up, quorum needs 3 \(can lose 0 more\)/);
      const lost = at(steps, 600);
      expect(lost.state.clusters.map((c) => c.signals['etcdQuorum'])).toEqual([false, false]);
      expect(downSeconds(steps, 'etcdQuorum', s.horizon, 0)).toBe(300);
      expect(downSeconds(steps, 'etcdQuorum', s.horizon, 1)).toBe(300);
    }
  });

  it('lesson 4: the bigger site keeps quorum through a split, and takes it away when it goes dark', () => {
    for (const seed of SEEDS) {
      const s = lesson('04-two-datacenter-split', seed);
      const { steps } = explain(s);
      expect(at(steps, 300).line).toContain('3 of 3 members up, split 2 | 1, quorum needs 2 (can lose 0 more), leader etcd-1 (term 1): still writable');
      expect(at(steps, 900).line).toMatch(/dc-a goes dark \(cp-1, etcd-1, cp-3, etcd-3, lb down\).*1 of 3 members up.*QUORUM LOST/);
      expect(downSeconds(steps, 'etcdQuorum', s.horizon)).toBe(600);
      expect(downSeconds(steps, 'apiWrite', s.horizon)).toBeGreaterThan(600);
    }
  });

  it('lesson 5: the majority side elects a new leader within seconds; quorum never goes', () => {
    for (const seed of SEEDS) {
      const s = lesson('05-leader-in-minority', seed);
      const { steps } = explain(s);
      expect(at(steps, 300).line).toContain('split 2 | 1, quorum needs 2 (can lose 0 more), etcd-1 still leads term 1 but cannot commit');
      const elected = steps.find((x) => x.t > 300 && /wins the election for term 2/.test(x.line))!;
      expect(elected.state.clusters[0]!.leader).toMatch(/^prod\/etcd-[23]$/);
      expect(elected.t - 300).toBeLessThan(2.2); // [1, 2) election timeouts, a round trip between datacenters, an fsync
      expect(downSeconds(steps, 'etcdQuorum', s.horizon)).toBe(0);
      expect(downSeconds(steps, 'apiWrite', s.horizon)).toBeCloseTo(elected.t - 300, 9);
      expect(steps.filter((x) => /wins the election/.test(x.line))).toHaveLength(1); // pre-vote: no election at the heal
    }
  });

  it('lesson 7: a leader paused for less than an election timeout is narrated as a wait, a longer pause as an election', () => {
    for (const seed of SEEDS) {
      const s = lesson('07-stalled-disk', seed);
      const { steps } = explain(s);
      const short = at(steps, 300).line;
      expect(short).toContain('shorter than the followers\' election timeout');
      expect(short).toContain('writes wait until it resumes');
      expect(short).toContain('leader etcd-1 (term 1) paused');
      expect(short).not.toMatch(/request timeout|and then fail|no leader until an election|wait for an election/);
      expect(at(steps, 300.8).line).toContain('resumes and still leads term 1');
      expect(steps.filter((x) => x.t >= 300 && x.t < 600 && /wins the election/.test(x.line))).toEqual([]);
      const long = at(steps, 600).line;
      expect(long).toContain('the pause outlasts the followers\' election timeout');
      expect(long).toContain("writes sent until a new leader is elected wait for etcd's request timeout (7 s) and then fail");
    }
  });
});
