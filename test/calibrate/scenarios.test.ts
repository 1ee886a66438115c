import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CASES } from '../../calibrate/flags.mjs';
import { loadScenario } from '../../src/scenario/index.js';

const file = (name: string, members: number) => fileURLToPath(new URL(`../../calibrate/scenarios/${name}-${members}.yaml`, import.meta.url));

describe("the calibration's kubesim scenarios", () => {

  it.each(CASES.flatMap((name) => [3, 5].map((members) => [name, members] as const)))(
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

  it.each([3, 5])('should pause the leader for the 5 s of the real SIGSTOP in leader-freeze (%s members)', (members) => {
    const s = loadScenario(file('leader-freeze', members));
    expect(s.faults).toEqual([{ kind: 'freeze', at: 10, target: 'c/etcd-leader', duration: 5 }]);
  });
});
