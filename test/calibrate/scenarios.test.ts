import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CASES } from '../../calibrate/flags.mjs';
import { ScenarioError, loadScenario } from '../../src/scenario/index.js';

const file = (name: string, members: number) => fileURLToPath(new URL(`../../calibrate/scenarios/${name}-${members}.yaml`, import.meta.url));

describe("the calibration's kubesim scenarios", () => {
  const runnable = CASES.filter((c) => c !== 'leader-freeze');

  it.each(runnable.flatMap((name) => [3, 5].map((members) => [name, members] as const)))(
    'should load %s with %s members as one external etcd with etcd 3.4 timings and no random failures',
    (name, members) => {
      // Act
      const s = loadScenario(file(name, members));
      // Assert: the settings the real harness writes out (docs/calibration.md).
      expect(s.raft).toMatchObject({ heartbeatInterval: 0.1, electionTimeout: 1, preVote: false });
      expect(s.clusters).toHaveLength(1);
      expect(s.clusters[0]!.etcd).toMatchObject({ members, topology: 'external', learners: 0 });
      expect(s.failures).toEqual({});
      expect(s.clusters[0]!.failures).toEqual({});
      expect(s.datacenters.length).toBeLessThanOrEqual(1);
    },
  );

  it('should crash a majority, the leader included, in majority-down', () => {
    for (const members of [3, 5]) {
      const s = loadScenario(file('majority-down', members));
      expect(s.faults).toHaveLength(Math.floor(members / 2) + 1);
    }
  });

  it.each([3, 5])('should hold leader-freeze (%s members) refused only for the partition of the leader, until the model accepts it', (members) => {
    // The lead's model change makes `partition: [[c/etcd-leader]]` legal; until then validation
    // refuses exactly that, and nothing else in the file.
    let s;
    try {
      s = loadScenario(file('leader-freeze', members));
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      const problems = (e as ScenarioError).problems;
      expect(problems).toHaveLength(1);
      expect(problems[0]!.message).toContain('c/etcd-leader');
      return;
    }
    // Accepted: the leader alone, cut off for the 5 s of the real SIGSTOP.
    expect(s.faults).toEqual([{ kind: 'partition', at: 10, groups: [['c/etcd-leader']], duration: 5 }]);
  });
});
