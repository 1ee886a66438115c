/** Hand-checked timelines of the Raft rules that decide write gaps (issue 11): each against its transcript, and each one's claim. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explanation, explanationText } from '../../src/report/narrate/explanation.js';
import { loadScenario } from '../../src/scenario/index.js';

const DIR = 'test/explain/fidelity';

function transcript(file: string): string {
  const s = loadScenario(join(DIR, file));
  return explanationText(explanation(s, { replication: 0, from: 0, to: s.horizon, chartWidth: 60, unicode: false, color: false }));
}

/** The narrated steps (lines starting with t=), without the chart. */
const steps = (text: string) => text.split('\n').filter((l) => l.startsWith('t='));

describe('Raft timelines', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();

  it('should have a transcript for each scenario', () => {
    expect(files).toHaveLength(6);
    for (const f of files) expect(readdirSync(DIR)).toContain(f.replace('.yaml', '.txt'));
  });

  for (const f of files) {
    it(`should narrate ${f} exactly as its transcript says`, () => {
      const expected = readFileSync(join(DIR, f.replace('.yaml', '.txt')), 'utf8');
      expect(transcript(f).split('\n')).toEqual(expected.split('\n'));
    });
  }

  it('should explain a second round: the early candidate ignored by a peer in lease, then a split vote (no pre-vote)', () => {
    const s = steps(transcript('1-leader-kill-second-round.yaml'));
    expect(s.some((l) => /etcd-3 ignores etcd-2's vote request for term 2: it heard its leader less than an election timeout ago/.test(l))).toBe(true);
    expect(s.some((l) => /refuses etcd-3's vote request for term 2: it is a candidate for term 2 itself: the vote splits/.test(l))).toBe(true);
    expect(s.some((l) => /wins the election for term 3/.test(l))).toBe(true);
  });

  it('should make a follower that campaigned while cut off disrupt the leader on return, and one with pre-vote rejoin silently', () => {
    expect(steps(transcript('2-follower-cut-disrupts.yaml')).some((l) => /^t=00:00:11\.200 .*etcd-1 hears of etcd-3's term 2, higher than its own term 1 .*steps down/.test(l))).toBe(true);
    const quiet = steps(transcript('3-follower-cut-prevote.yaml'));
    expect(quiet.filter((l) => /wins the election|steps down/.test(l))).toEqual([]);
  });

  it('should let a cut-off or paused leader follow the newer term on return without a needless election', () => {
    for (const f of ['4-leader-cut.yaml', '5-leader-freeze.yaml']) {
      const s = steps(transcript(f));
      expect(s.filter((l) => /wins the election/.test(l))).toHaveLength(1);
      expect(s.some((l) => /still led term 1 and hears of etcd-2's term 2: it steps down/.test(l))).toBe(true);
      expect(s.some((l) => /higher than its own term/.test(l))).toBe(false);
    }
  });

  it('should say that writes sent while there is no working leader wait for the request timeout', () => {
    expect(steps(transcript('4-leader-cut.yaml'))[1]).toMatch(/writes sent to etcd-1 or through its followers wait for etcd's request timeout \(7 s\) and then fail/);
    for (const f of ['1-leader-kill-second-round.yaml', '5-leader-freeze.yaml']) {
      expect(steps(transcript(f))[1]).toMatch(/writes sent until a new leader is elected wait for etcd's request timeout \(7 s\) and then fail/);
    }
  });
});
