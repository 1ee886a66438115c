/** `kubesim analytic` through the real CLI: agreement with the simulation, and its refusals. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture } from './cli.js';
import { kubesimInProcess } from './inProcess.js';

describe('kubesim analytic', () => {
  it('should put the exact k-of-n answer inside the simulated CI for etcdQuorum', async () => {
    const r = await kubesimInProcess(['analytic', fixture('three-members.yaml'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    const q = doc.signals.find((s: { signal: string }) => s.signal === 'etcdQuorum');
    const a = 100 / 101;
    expect(q.exact.availability).toBeCloseTo(3 * a * a - 2 * a ** 3, 12);
    expect(q.inCi).toBe(true);
    expect(q.exact.method).toBe('k-of-n');
  });

  it('should print a table with the verdict per signal', async () => {
    const r = await kubesimInProcess(['analytic', fixture('three-members.yaml'), '--replications', '10']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/etcdQuorum\s+99\.971%/);
    expect(r.stdout).toMatch(/mean time to quorum loss from all up: 72d 22h/);
  });

  it('should judge by the trust verdict: not NO when the simulation saw too few outages, no CI from one replication', async () => {
    // 2 replications of 10 days see no quorum loss: the CI is the zero-outage bound up to 100%,
    // which holds the exact value; apiWrite sees a few election blips, too few to judge.
    const r = await kubesimInProcess(['analytic', fixture('three-members.yaml'), '--replications', '2', '--horizon', '10d']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/etcdQuorum\s+99\.971%\s+≥ 99\.3%\s+95% bound, no outage in 20d\s+yes\s+k-of-n/);
    expect(r.stdout).toMatch(/apiWrite\s+.*not judged \(few-outages\)\s+k-of-n/);
    expect(r.stdout).toMatch(/^note: "not judged": the simulated number is not trusted/m);
    const one = JSON.parse((await kubesimInProcess(['analytic', fixture('three-members.yaml'), '--replications', '1', '--horizon', '10d', '--json'])).stdout);
    expect(one.signals[0]).toMatchObject({ signal: 'etcdQuorum', inCi: false, verdict: 'not judged (single-replication)', trust: { level: 'single-replication' } });
  });

  const dir = mkdtempSync(join(tmpdir(), 'kubesim-analytic-'));
  const lognormal = join(dir, 'lognormal.yaml');
  writeFileSync(
    lognormal,
    `apiVersion: kubesim/v1
kind: Scenario
metadata: { name: lognormal }
spec:
  horizon: 1000h
  replications: 5
  failures:
    etcd: { mttf: 100h, mttr: { lognormal: { median: 1h, sigma: 1 } } }
  clusters:
    - { name: prod, model: multi-master }
`,
  );

  it('should refuse a non-exponential scenario in one line with exit 2, and say why', async () => {
    const r = await kubesimInProcess(['analytic', lognormal]);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/lognormal\.yaml: no analytic answer: spec\.failures\.etcd(\.mttr)? is not exponential/);
  });

  it('should answer availability for any distribution when asked (renewal theory)', async () => {
    const r = await kubesimInProcess(['analytic', lognormal, '--any-distribution', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).signals[0].inCi).toBe(true);
  });

  it('should refuse a scenario with scripted faults unless they are dropped', async () => {
    const r = await kubesimInProcess(['analytic', 'scenarios/quorum-loss-demo.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no analytic answer: the scenario scripts \d+ faults?/);
  });
});
