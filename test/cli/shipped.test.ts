/** Every shipped scenario runs through the real CLI and shows what its header promises. */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Summary } from '../../src/experiment/Summary.js';
import { kubesim, ROOT } from './cli.js';

const files = (readdirSync(`${ROOT}scenarios`, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => `scenarios/${f}`);

function run(file: string, replications = 2): Summary {
  const r = kubesim(['run', file, '--json', '--replications', String(replications), '--jobs', '1']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Summary;
}

describe('shipped scenarios', () => {
  it('should ship the scenarios the issues ask for', () => {
    for (const f of ['default', 'single-server', 'multi-tenant', 'multi-master', 'multi-cluster', 'federation', 'quorum-loss-demo', 'stretched-two-dcs', 'etcd-sizing']) {
      expect(files).toContain(`scenarios/${f}.yaml`);
    }
    expect(files.filter((f) => f.startsWith('scenarios/lessons/'))).toHaveLength(5);
  });

  for (const file of files) {
    it(`should run ${file} and report every signal of every cluster`, () => {
      const s = run(file);
      for (const c of Object.values(s.clusters)) {
        for (const name of ['etcdQuorum', 'apiWrite', 'apiRead', 'scheduling']) {
          const a = c.signals[name]!.availability;
          expect(a.mean).toBeGreaterThanOrEqual(0);
          expect(a.mean).toBeLessThanOrEqual(1);
          expect(a.ci95[0]).toBeLessThanOrEqual(a.mean);
        }
      }
    });
  }

  it('should show what isolation buys in multi-tenant.yaml', () => {
    const s = run('scenarios/multi-tenant.yaml', 5);
    const isolated = s.clusters['isolated']!;
    const open = s.clusters['open']!;
    expect(isolated.tenants!['team-b']!.harmedSecondsPerYear).toBe(0);
    expect(open.tenants!['team-b']!.harmedSecondsPerYear).toBeGreaterThan(0);
    expect(open.tenants!['team-a']!.blastRadius).toBeGreaterThan(isolated.tenants!['team-a']!.blastRadius);
  });

  it('should show the canary containing a bad version in federation.yaml', () => {
    const s = run('scenarios/federation.yaml', 3);
    expect(s.global.badVersionReach!.mean).toBe(1);
    expect(s.global.signals['service']).toBeDefined();
    expect(s.global.signals['configPush']).toBeDefined();
  });

  it('should show 1+1+1 over three sites beating 2+1 over two in stretched-two-dcs.yaml', () => {
    const s = run('scenarios/stretched-two-dcs.yaml', 20);
    const q = (c: string) => s.clusters[c]!.signals['etcdQuorum']!.availability.mean;
    expect(q('three-sites')).toBeGreaterThan(q('stretched'));
    expect(q('three-sites')).toBeGreaterThan(q('one-site'));
    // A load balancer in every site lets apiWrite follow the quorum through a datacenter outage.
    const w = (c: string) => s.clusters[c]!.signals['apiWrite']!.availability;
    expect(w('three-sites-lb-each').ci95[0]).toBeGreaterThan(w('three-sites').ci95[1]);
  });
});
