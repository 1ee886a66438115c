/**
 * Every shipped scenario runs through the built CLI (in-process, inProcess.ts) and shows what its
 * header comment promises, checked against values worked out by hand from the scenario's own
 * numbers (closed forms of docs/domain.md#closed-forms, scripted fault lengths, prices), not
 * against the code's output.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Summary } from '../../src/experiment/Summary.js';
import { ROOT } from './cli.js';
import { kubesimInProcess } from './inProcess.js';

const YEAR_S = 365 * 24 * 3600;
const H = 3600;
const D = 24 * H;
/** A month of host time, as the cost model counts it. */
const HOURS_PER_MONTH = 730;

const files = (readdirSync(`${ROOT}scenarios`, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => `scenarios/${f}`);

const TMP = mkdtempSync(join(tmpdir(), 'kubesim-shipped-'));

/** A shipped scenario changed by hand (a strategy, a setting), written to a temporary file. */
function variant(file: string, name: string, change: (text: string) => string): string {
  const text = readFileSync(`${ROOT}${file}`, 'utf8');
  const changed = change(text);
  expect(changed).not.toBe(text);
  const path = join(TMP, name);
  writeFileSync(path, changed);
  return path;
}

/** Runs a scenario with the CLI; the shipped replication count unless one is given. */
async function run(file: string, replications?: number): Promise<Summary> {
  const r = await kubesimInProcess(['run', file, '--json', '--jobs', '1', ...(replications === undefined ? [] : ['--replications', String(replications)])]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Summary;
}

/** One replication's signal: availability, seconds down and outages over the run (not per year). */
function perRun(s: Summary, cluster: string, signal: string) {
  const x = s.clusters[cluster]!.signals[signal]!;
  const years = s.horizonSeconds / YEAR_S;
  return { availability: x.availability.mean, ci95: x.availability.ci95, down: x.downtimeSecondsPerYear * years, outages: x.outagesPerYear * years };
}

/** Long-run availability of one repairable part: MTTF / (MTTF + MTTR) (docs/domain.md#one-member). */
const avail = (mttf: number, mttr: number) => mttf / (mttf + mttr);
/** Two of three up (docs/domain.md#k-of-n). */
const twoOfThree = (a: number) => 3 * a * a - 2 * a * a * a;
/** Mean of a lognormal repair time from its median and sigma: median * e^(sigma^2 / 2). */
const lognormalMean = (median: number, sigma: number) => median * Math.exp((sigma * sigma) / 2);

/** The mean lies in its confidence interval, and so does the value worked out by hand. */
function expectInCi(ci: readonly number[] | null, exact: number): void {
  if (ci === null) throw new Error('expected a 95% CI, found none');
  expect(exact).toBeGreaterThanOrEqual(ci[0]!);
  expect(exact).toBeLessThanOrEqual(ci[1]!);
}

describe('shipped scenarios', () => {
  it('should ship the scenarios the issues ask for', () => {
    for (const f of ['default', 'single-server', 'multi-master', 'multi-tenant', 'multi-cluster', 'federation', 'quorum-loss-demo', 'stretched-two-dcs', 'etcd-sizing']) {
      expect(files).toContain(`scenarios/${f}.yaml`);
    }
    expect(files.filter((f) => f.startsWith('scenarios/lessons/'))).toHaveLength(8);
  });

  for (const file of files) {
    it(`should run ${file} with every signal consistent: writes need quorum, scheduling needs writes`, async () => {
      const s = await run(file, 2);
      for (const c of Object.values(s.clusters)) {
        const a = (name: string) => c.signals[name]!.availability.mean;
        for (const [name, x] of Object.entries(c.signals)) {
          expect(x.availability.ci95![0], name).toBeLessThanOrEqual(x.availability.mean);
          expect(x.availability.ci95![1], name).toBeGreaterThanOrEqual(x.availability.mean);
          // Downtime per year is the unavailability of a 365-day year (rounded to 0.1 ms).
          expect(x.downtimeSecondsPerYear, name).toBeCloseTo((1 - x.availability.mean) * YEAR_S, 3);
        }
        // apiWrite needs a leader that holds quorum; scheduling needs apiWrite (docs/model.md#signals).
        expect(a('apiWrite')).toBeLessThanOrEqual(a('etcdQuorum'));
        expect(a('scheduling')).toBeLessThanOrEqual(a('apiWrite'));
      }
    });
  }

  it('should lose no quorum in default.yaml to a member crash, a partition, a site outage or an upgrade', async () => {
    // The scripted faults alone: no random failures, no random datacenter outages.
    const path = variant('scenarios/default.yaml', 'default-faults-only.yaml', (t) =>
      t.replace(/ {2}failures:[\s\S]*?\n(?= {2}clusters:)/, '').replace(/ {6}outage: \{ mttf: 5y, mttr: 4h \}.*\n/g, ''),
    );
    const s = await run(path, 1);
    expect(perRun(s, 'prod', 'etcdQuorum')).toMatchObject({ availability: 1, outages: 0 });
    expect(perRun(s, 'prod', 'apiRead')).toMatchObject({ availability: 1, outages: 0 });
    // What remains: the load balancer lives in dc-a, so the 15 min partition cuts it off from the
    // majority (900 s), plus a few elections of 1-2 s each (the crash, the upgrade's restarts).
    const write = perRun(s, 'prod', 'apiWrite');
    expect(write.down).toBeGreaterThan(900);
    expect(write.down).toBeLessThan(915);
    // The partition cuts every kubelet off from a writable apiserver (they go through the load
    // balancer in dc-a), while the controller-manager on the majority side writes through its own
    // apiserver: every node is NotReady 45-60 s into the partition and its pods stop counting
    // until the heal, with nothing evicted (every zone has lost all its nodes). The dc-b outage
    // stops a third of the pods; they are evicted and rescheduled after the grace period and the
    // tolerations (50 s + 300 s), well before dc-b returns an hour later.
    const pods = perRun(s, 'prod', 'workloads');
    expect(pods.outages).toBeCloseTo(2, 9);
    expect(pods.down).toBeGreaterThan(900 - 60 + 350);
    expect(pods.down).toBeLessThan(900 + H);
    const serving = perRun(s, 'prod', 'serving');
    expect(serving.outages).toBeCloseTo(1, 9);
    expect(serving.down).toBeGreaterThan(900 - 60);
    expect(serving.down).toBeLessThan(900 - 45);
  });

  it('should match the closed form in default.yaml, with the load balancer as a single point of failure', async () => {
    const s = await run('scenarios/default.yaml');
    // A stacked member is down with its host, its process or its datacenter.
    const member = avail(90 * D, 2 * H) * avail(120 * D, lognormalMean(H, 1)) * avail(5 * 365 * D, 4 * H);
    expectInCi(perRun(s, 'prod', 'etcdQuorum').ci95, twoOfThree(member));
    expect(perRun(s, 'prod', 'apiWrite').availability).toBeLessThan(avail(YEAR_S, 10 * 60));
  });

  it("should give single-server.yaml the host's own availability, every signal failing together", async () => {
    const s = await run('scenarios/single-server.yaml');
    // The host is down when the host fails or the etcd process does: one host's availability.
    const host = avail(90 * D, 2 * H) * avail(120 * D, 30 * 60);
    const q = perRun(s, 'dev', 'etcdQuorum');
    expectInCi(q.ci95, host);
    for (const signal of ['apiWrite', 'apiRead', 'scheduling', 'workloads']) {
      const x = perRun(s, 'dev', signal);
      expect(x.outages, signal).toBeCloseTo(q.outages, 9);
      // Only restarts (an election, a lease, a pod start: seconds per outage) set them apart.
      expect(q.availability - x.availability, signal).toBeLessThan(1e-5);
    }
  });

  it('should show stacked and external etcd in multi-master.yaml at their closed forms, external for three more hosts', async () => {
    const s = await run('scenarios/multi-master.yaml');
    const etcdProcess = avail(120 * D, lognormalMean(H, 1));
    expectInCi(perRun(s, 'stacked', 'etcdQuorum').ci95, twoOfThree(avail(90 * D, 2 * H) * etcdProcess));
    expectInCi(perRun(s, 'external', 'etcdQuorum').ci95, twoOfThree(etcdProcess));
    const stacked = s.clusters['stacked']!.cost!;
    const external = s.clusters['external']!.cost!;
    expect(external.perMonth - stacked.perMonth).toBeCloseTo(3 * 0.19 * HOURS_PER_MONTH, 6);
  });

  it('should show what isolation buys in multi-tenant.yaml', async () => {
    const s = await run('scenarios/multi-tenant.yaml', 5);
    const isolated = s.clusters['isolated']!.tenants!;
    const open = s.clusters['open']!.tenants!;
    expect(isolated['team-b']).toMatchObject({ harmedSecondsPerYear: 0, exposedSecondsPerYear: 0 });
    // Once in each 90-day run: a 6 h runaway starves team-b, a 2 h compromise reaches it.
    expect(open['team-b']!.harmedSecondsPerYear).toBeCloseTo((6 * H * 365) / 90, 6);
    expect(open['team-b']!.exposedSecondsPerYear).toBeCloseTo((2 * H * 365) / 90, 6);
    expect(open['team-a']!.blastRadius).toBe(1);
    expect(isolated['team-a']!.blastRadius).toBe(0);
  });

  it('should keep the global service of multi-cluster.yaml up through the outage of one cluster', async () => {
    const s = await run('scenarios/multi-cluster.yaml');
    // Every replication goes through the scripted 8 h outage of dc-a, east's only datacenter.
    expect(perRun(s, 'east', 'etcdQuorum').down).toBeGreaterThanOrEqual(8 * H);
    const service = s.global.signals['service']!;
    for (const c of ['east', 'central', 'west']) {
      expect(service.availability.mean).toBeGreaterThan(perRun(s, c, 'workloads').availability);
    }
    expect(service.availability.mean).toBe(1);
    // The management plane is the mgmt cluster's API: losing it stops changes, not the service.
    expect(s.global.signals['management']!.availability).toEqual(s.clusters['mgmt']!.signals['apiWrite']!.availability);
    expect(s.global.signals['management']!.availability.mean).toBeLessThan(1);
  });

  it('should show the canary containing a bad version in federation.yaml', async () => {
    const s = await run('scenarios/federation.yaml', 3);
    expect(s.global.badVersionReach!.mean).toBe(1);
    expect(s.global.signals['service']!.availability.mean).toBe(1);
    expect(s.global.signals['service']!.outagesPerYear).toBe(0);
    expect(s.global.signals['configPush']!.availability).toEqual(s.clusters['host']!.signals['apiWrite']!.availability);
  });

  it('should show a hard cutover taking the service down in federation.yaml, for detect + rollback', async () => {
    const path = variant('scenarios/federation.yaml', 'federation-hard-cutover.yaml', (t) => t.replace('strategy: canary', 'strategy: hardCutover'));
    const s = await run(path, 3);
    expect(s.global.badVersionReach!.mean).toBe(3);
    // Every member breaks at once: down from the rollout until rolled back (10 min + 5 min), once a year.
    expect(s.global.signals['service']!.downtimeSecondsPerYear).toBeCloseTo(15 * 60, 6);
    expect(s.global.signals['service']!.outagesPerYear).toBe(1);
  });

  it('should show 1+1+1 over three sites beating 2+1 over two in stretched-two-dcs.yaml', async () => {
    const s = await run('scenarios/stretched-two-dcs.yaml', 20);
    const q = (c: string) => s.clusters[c]!.signals['etcdQuorum']!.availability.mean;
    expect(q('three-sites')).toBeGreaterThan(q('stretched'));
    expect(q('three-sites')).toBeGreaterThan(q('one-site'));
    // A load balancer in every site lets apiWrite follow the quorum through a datacenter outage.
    const w = (c: string) => s.clusters[c]!.signals['apiWrite']!.availability;
    expect(w('three-sites-lb-each').ci95![0]).toBeGreaterThan(w('three-sites').ci95![1]);
  });

  it('should put stretched-two-dcs.yaml at its closed forms: one site is its datacenter times 2 of 3 hosts', async () => {
    const s = await run('scenarios/stretched-two-dcs.yaml');
    const dc = avail(365 * D, 8 * H);
    const host = avail(90 * D, 2 * H) * avail(120 * D, H);
    expectInCi(perRun(s, 'one-site', 'etcdQuorum').ci95, dc * twoOfThree(host));
    expectInCi(perRun(s, 'three-sites', 'etcdQuorum').ci95, twoOfThree(dc * host));
  });

  it('should show in etcd-sizing.yaml diminishing returns, no gain from 4 members, and cost linear in the size', async () => {
    const r = await kubesimInProcess(['sweep', 'scenarios/etcd-sizing.yaml', '--set', 'etcd.members=1,3,4,5,7', '--json', '--jobs', '1']);
    expect(r.code, r.stderr).toBe(0);
    const points = (JSON.parse(r.stdout) as { points: { label: string; summary: Summary }[] }).points;
    expect(points.map((p) => p.label)).toEqual(['etcd.members=1', 'etcd.members=3', 'etcd.members=4', 'etcd.members=5', 'etcd.members=7']);
    const [one, three, four, five, seven] = points.map((p) => p.summary);
    const q = (s: Summary) => perRun(s, 'prod', 'etcdQuorum').availability;
    // One external member: its own availability.
    expectInCi(perRun(one!, 'prod', 'etcdQuorum').ci95, avail(60 * D, lognormalMean(2 * H, 1)));
    // Members 1-3 fail alike in every size (common random numbers), and 3 of 4 is lost whenever
    // 2 of 3 is: the fourth member cannot help.
    expect(q(four!)).toBeLessThanOrEqual(q(three!));
    expect(q(three!) - q(one!)).toBeGreaterThan(q(five!) - q(three!));
    expect([one, three, four, five, seven].map((s) => s!.clusters['prod']!.etcdFailuresTolerated)).toEqual([0, 1, 1, 2, 3]);
    // Each external member is one more host at 0.19 an hour.
    for (const [s, n] of [[three, 3], [four, 4], [five, 5], [seven, 7]] as const) {
      expect(s!.clusters['prod']!.cost!.perMonth - one!.clusters['prod']!.cost!.perMonth).toBeCloseTo((n - 1) * 0.19 * HOURS_PER_MONTH, 6);
    }
  });

  it('should stop writes in quorum-loss-demo.yaml for exactly the ten minutes two of three members are down', async () => {
    const s = await run('scenarios/quorum-loss-demo.yaml');
    const q = perRun(s, 'demo', 'etcdQuorum');
    expect(q.down).toBeCloseTo(10 * 60, 6);
    expect(q.outages).toBeCloseTo(1, 9);
    // Plus two elections: after etcd-1 (the first leader) crashes, and when quorum returns.
    const w = perRun(s, 'demo', 'apiWrite');
    expect(w.down).toBeGreaterThan(10 * 60 + 1);
    expect(w.down).toBeLessThan(10 * 60 + 2 * 2.1);
    expect(perRun(s, 'demo', 'apiRead').availability).toBe(1);
    expect(perRun(s, 'demo', 'workloads').availability).toBe(1);
  });
});

describe('the lessons', () => {
  const lesson = (n: string) => files.find((f) => f.startsWith(`scenarios/lessons/${n}`))!;

  it('should lose no quorum in lesson 1, and pause writes for one election only', async () => {
    const s = await run(lesson('01'));
    expect(perRun(s, 'prod', 'etcdQuorum')).toMatchObject({ availability: 1, outages: 0 });
    const w = perRun(s, 'prod', 'apiWrite');
    expect(w.outages).toBeCloseTo(1, 9);
    // One election timeout drawn in [1 s, 2 s), plus a round trip and an fsync.
    expect(w.down).toBeGreaterThanOrEqual(1);
    expect(w.down).toBeLessThan(2.1);
    expect(perRun(s, 'prod', 'workloads').availability).toBe(1);
  });

  it('should lose quorum in lesson 2 for the five minutes two members are down, reads and pods carrying on', async () => {
    const s = await run(lesson('02'));
    expect(perRun(s, 'prod', 'etcdQuorum').down).toBeCloseTo(5 * 60, 6);
    const w = perRun(s, 'prod', 'apiWrite');
    expect(w.down).toBeGreaterThan(5 * 60);
    expect(w.down).toBeLessThan(5 * 60 + 2.1);
    expect(perRun(s, 'prod', 'apiRead').availability).toBe(1);
    expect(perRun(s, 'prod', 'workloads').availability).toBe(1);
  });

  it('should lose quorum in lesson 3 with four members exactly as with three', async () => {
    const s = await run(lesson('03'));
    for (const c of ['three', 'four']) {
      expect(perRun(s, c, 'etcdQuorum').down, c).toBeCloseTo(5 * 60, 6);
      expect(perRun(s, c, 'etcdQuorum').outages, c).toBeCloseTo(1, 9);
    }
    expect(s.clusters['four']!.etcdFailuresTolerated).toBe(1);
  });

  it('should survive the split in lesson 4 but not the loss of dc-a, which also holds the load balancer', async () => {
    const s = await run(lesson('04'));
    const q = perRun(s, 'prod', 'etcdQuorum');
    expect(q.down).toBeCloseTo(10 * 60, 6);
    expect(q.outages).toBeCloseTo(1, 9);
    expect(perRun(s, 'prod', 'apiRead').down).toBeCloseTo(10 * 60, 6);
  });

  it('should elect a new leader on the majority side in lesson 5, and once more without pre-vote', async () => {
    const s = await run(lesson('05'));
    expect(perRun(s, 'prod', 'etcdQuorum')).toMatchObject({ availability: 1, outages: 0 });
    const w = perRun(s, 'prod', 'apiWrite');
    expect(w.outages).toBeCloseTo(1, 9);
    // An election timeout in [1 s, 2 s) plus a round trip between datacenters (50 ms) and an fsync.
    expect(w.down).toBeGreaterThan(1.05);
    expect(w.down).toBeLessThan(2.1);
    const path = variant(lesson('05'), 'lesson-5-no-pre-vote.yaml', (t) => t.replace(/^ {2}seed: 1$/m, '  seed: 1\n  raft: { preVote: false }'));
    const without = perRun(await run(path), 'prod', 'apiWrite');
    expect(without.outages).toBeCloseTo(2, 9);
    expect(without.down).toBeGreaterThan(2 * 1.05);
  });
});
