/** scenarios/az-partition.yaml narrated: the SRE's "AZ-a partitioned for 20 minutes", against its transcript and under several seeds. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explanation, explanationText } from '../../src/report/narrate/explanation.js';
import type { NarratedStep } from '../../src/report/narrate/narrate.js';
import { loadScenario } from '../../src/scenario/index.js';
import type { Scenario } from '../../src/scenario/Scenario.js';

const FILE = 'scenarios/az-partition.yaml';

function explain(s: Scenario) {
  return explanation(s, { replication: 0, from: 0, to: s.horizon, chartWidth: 60, unicode: false, color: false });
}

/** Seconds `workloads` is down over the narrated steps (steps hold the state after them). */
function workloadsDown(steps: readonly NarratedStep[], horizon: number): number {
  let down = 0;
  steps.forEach((s, i) => {
    if (s.state.clusters[0]!.signals['workloads'] === false) down += (steps[i + 1]?.t ?? horizon) - s.t;
  });
  return down;
}

describe('az-partition', () => {
  it('should narrate the shipped scenario exactly as test/explain/expected/az-partition.txt says', () => {
    const expected = readFileSync('test/explain/expected/az-partition.txt', 'utf8');
    const actual = explanationText(explain(loadScenario(FILE)));
    expect(actual.split('\n')).toEqual(expected.split('\n'));
  });

  it('should answer the same way whatever the seed: az-a NotReady about a minute in, evicted 5 minutes later, Ready at the heal', () => {
    for (let seed = 1; seed <= 8; seed++) {
      const s = { ...loadScenario(FILE), seed };
      const { steps } = explain(s);
      const lines = (re: RegExp) => steps.filter((x) => re.test(x.line));
      // The controller-manager leader was on cp-1 in az-a: a new one takes over 17-19.4 s after
      // the cut (lease 15 s + a 2-4.4 s retry) and counts the 50 s grace from then.
      const notReady = lines(/NotReady at/);
      expect(notReady).toHaveLength(1);
      expect(notReady[0]!.line).toMatch(/worker-1: .*NotReady.*worker-4: .*NotReady/);
      expect(notReady[0]!.t - 600).toBeGreaterThanOrEqual(17 + 50);
      expect(notReady[0]!.t - 600).toBeLessThanOrEqual(19.4 + 55);
      expect(notReady[0]!.line).toContain('zone az-a is fully disrupted (2 of 2 nodes NotReady)');
      // Evicted at the normal rate, one node every 10 s, after the 300 s toleration.
      expect(lines(/evicts/).map((x) => x.t - notReady[0]!.t)).toEqual([300, 310]);
      // workloads is down from NotReady until the second node's pods run elsewhere (10 s startup).
      expect(workloadsDown(steps, s.horizon)).toBeCloseTo(320, 6);
      const heal = steps.find((x) => x.t === 1800)!;
      expect(heal.line).toMatch(/worker-1: its kubelet renews its lease again: Ready.*worker-4: its kubelet renews its lease again: Ready/);
    }
  });
});
