/**
 * The decision a sweep leads with, through the real CLI, on a grid whose answer is known by hand:
 * a scripted crash of etcd member 1 for the whole run, no random failures. One member loses its
 * only voter and misses the objective; three and five keep quorum throughout, and three is
 * strictly cheaper (two fewer external etcd hosts). So: recommend 3 at every worker count, 5 is
 * the runner-up, and the two are indistinguishable (each loses writes only for the election
 * that may follow the crash).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { kubesimInProcess } from './inProcess.js';

const dir = mkdtempSync(join(tmpdir(), 'kubesim-decision-'));
const scenario = join(dir, 'known.yaml');
writeFileSync(
  scenario,
  `apiVersion: kubesim/v1
kind: Scenario
metadata: { name: known }
spec:
  horizon: 1d
  replications: 2
  seed: 1
  datacenters: [{ name: dc-a }]
  clusters:
    - name: prod
      model: multi-master
      etcd: { members: 3, topology: external }
      workers: { nodes: 10 }
  faults:
    - { at: 1m, crash: prod/etcd-1, for: 2d }
`,
);
const GRID = [scenario, '--set', 'workers.nodes=10,20', '--set', 'etcd.members=1,3,5', '--slo', 'apiWrite=99', '--max-write-p99', '100ms', '--no-report'];

/** By hand: two external etcd hosts at the default $0.19 an hour, 730 hours a month. */
const TWO_ETCD_HOSTS_PER_MONTH = 2 * 0.19 * 730;

describe('kubesim sweep: the decision on a grid with a known answer', () => {
  let json: {
    points: { label: string; hosts: { controlPlane: number; etcd: number; loadBalancer: number } }[];
    recommendations: { recommendation: { kind: string; point: number }; runnerUp: number | null; alternatives: { point: number; costDeltaPerMonth: number; significant: boolean | null }[] }[];
  };
  let text: string;
  beforeAll(async () => {
    const j = await kubesimInProcess(['sweep', ...GRID, '--json']);
    expect(j.code, j.stderr).toBe(0);
    json = JSON.parse(j.stdout);
    const t = await kubesimInProcess(['sweep', ...GRID]);
    expect(t.code, t.stderr).toBe(0);
    text = t.stdout;
  }, 120_000);

  it('should recommend 3 members at each worker count, with 5 the runner-up and the deltas computed by hand', () => {
    // Arrange
    const label = (i: number | null) => (i === null ? null : json.points[i]!.label);
    // Act / Assert
    expect(json.recommendations.map((g) => [g.recommendation.kind, label(g.recommendation.point), label(g.runnerUp)])).toEqual([
      ['cheapest', 'workers.nodes=10, etcd.members=3', 'workers.nodes=10, etcd.members=5'],
      ['cheapest', 'workers.nodes=20, etcd.members=3', 'workers.nodes=20, etcd.members=5'],
    ]);
    for (const g of json.recommendations) {
      const by = Object.fromEntries(g.alternatives.map((a) => [label(a.point)!.split(', ')[1], a]));
      expect(by['etcd.members=5']!.costDeltaPerMonth).toBeCloseTo(TWO_ETCD_HOSTS_PER_MONTH, 2);
      expect(by['etcd.members=1']!.costDeltaPerMonth).toBeCloseTo(-TWO_ETCD_HOSTS_PER_MONTH, 2);
      // Neither 3 nor 5 loses quorum: their few seconds of election downtime cannot be told apart.
      expect(by['etcd.members=5']!.significant).toBe(false);
    }
    expect(json.points.map((p) => p.hosts.etcd)).toEqual([1, 3, 5, 1, 3, 5]);
  });

  it('should print one recommendation line for both worker counts, then the table with the delta and the host counts', () => {
    // Assert: one line, not one paragraph per worker count.
    expect(text.match(/^Recommendation/gm)).toEqual(['Recommendation']);
    expect(text).toContain('Recommendation at every workers.nodes (10, 20): etcd.members=3: the cheapest configuration that meets apiWrite >= 99% and write p99 <= 100 ms.');
    expect(text).toMatch(/indistinguishable at this precision .*choose on cost/);
    // The runner-up's row: 3 control-plane hosts, 5 etcd hosts, +$277.40 a month.
    expect(text).toMatch(/^10\s+runner-up\s+5\s+3\s+5\s+\d+\s+\$[\d,.]+\s+\+\$277\.40\s/m);
    expect(text).toMatch(/^10\s+misses apiWrite\s+1\s+3\s+1\s+\d+\s+\$[\d,.]+\s+−\$277\.40\s/m);
    // 5 members cannot be told from 3: its nines and downtime differences say so, not "+0.4s".
    expect(text).toMatch(/^10\s+runner-up\s.*\swithin noise\s+within noise\s.*\sno$/m);
  });
});

describe('kubesim sweep: mistyped objectives and paths get a suggestion, before anything runs', () => {
  const cases: { why: string; args: string[]; want: string }[] = [
    { why: 'a mistyped unit of --max-write-p99', args: ['--set', 'etcd.members=3,5', '--max-write-p99', '100mss'], want: "did you mean '100ms'?" },
    { why: 'a mistyped flag name', args: ['--set', 'etcd.members=3,5', '--max-write-p95', '100ms'], want: 'Did you mean --max-write-p99?' },
    { why: 'a mistyped --set path', args: ['--set', 'etcd.member=3,5'], want: "did you mean 'members'?" },
    { why: 'a mistyped --slo signal', args: ['--set', 'etcd.members=3,5', '--slo', 'apiWrit=99.9'], want: "did you mean 'apiWrite'?" },
  ];
  for (const c of cases) {
    it(`should suggest the right spelling: ${c.why}`, async () => {
      // Act
      const r = await kubesimInProcess(['sweep', scenario, ...c.args, '--no-report']);
      // Assert: one line, exit 2.
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(c.want);
    });
  }
});
