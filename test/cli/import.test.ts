/** `kubesim import` through the real CLI: kubectl output of three kinds of cluster in, a scenario that validates and runs out; bad input refused in one line with nothing written. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fixture } from './cli.js';
import { kubesimInProcess } from './inProcess.js';

const nodes = (name: string) => fixture(`import/${name}-nodes.json`);
const pods = (name: string) => fixture(`import/${name}-pods.json`);
const tmp = () => mkdtempSync(join(tmpdir(), 'kubesim-import-'));

/** The hosts of a role in a run's summary: its monthly cost over the price of a host-month (730 h). */
function hostsOf(summary: { clusters: Record<string, { cost: { byRole: Record<string, number> } }> }, role: string, hourly: number): number {
  return Math.round((summary.clusters['imported']!.cost.byRole[role] ?? 0) / (hourly * 730));
}

interface Shape {
  readonly model: string;
  readonly controlPlane: number;
  readonly members: number;
  readonly topology: string;
  readonly datacenters: readonly string[];
  readonly workers: number;
  readonly loadBalancers: number;
}

const CASES: { name: string; args: string[]; shape: Shape }[] = [
  {
    name: 'kubeadm-3zones',
    args: [nodes('kubeadm-3zones'), pods('kubeadm-3zones')],
    shape: { model: 'multi-master', controlPlane: 3, members: 3, topology: 'stacked', datacenters: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'], workers: 7, loadBalancers: 1 },
  },
  {
    name: 'eks',
    args: [nodes('eks')],
    shape: { model: 'multi-master', controlPlane: 1, members: 1, topology: 'stacked', datacenters: ['us-east-1a', 'us-east-1b', 'us-east-1c'], workers: 5, loadBalancers: 0 },
  },
  {
    name: 'minikube',
    args: [nodes('minikube'), pods('minikube')],
    shape: { model: 'single-server', controlPlane: 1, members: 1, topology: 'stacked', datacenters: ['dc-1'], workers: 0, loadBalancers: 0 },
  },
];

describe('kubesim import', () => {
  for (const c of CASES) {
    it(`should turn the ${c.name} fixture into a scenario that validates and runs with the cluster's shape`, async () => {
      const dir = tmp();
      const file = join(dir, `${c.name}.yaml`);
      const imported = await kubesimInProcess(['import', ...c.args, '--out', file]);
      expect(imported.stderr).toBe('');
      expect(imported.code).toBe(0);
      expect(imported.stdout).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: written \\(\\d+ CHECK comments? to settle\\)\n$`));

      const validated = await kubesimInProcess(['validate', file]);
      expect(validated.code).toBe(0);
      expect(validated.stdout).toMatch(/: ok \(1 cluster, 0 scripted faults\)/);

      // The datacenters, as written.
      const doc = parse(readFileSync(file, 'utf8')) as { spec: { datacenters: { name: string }[]; cost: { hourly: Record<string, number> } } };
      expect(doc.spec.datacenters.map((d) => d.name)).toEqual(c.shape.datacenters);

      // The summary: the model, the etcd tolerance (members) and the hosts by role (from the cost by role).
      const run = await kubesimInProcess(['run', file, '--replications', '2', '--no-report', '--json']);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const summary = JSON.parse(run.stdout) as Parameters<typeof hostsOf>[0] & { clusters: Record<string, { model: string; etcdFailuresTolerated: number }> };
      const cluster = summary.clusters['imported']!;
      const hourly = doc.spec.cost.hourly;
      expect(cluster.model).toBe(c.shape.model);
      expect(cluster.etcdFailuresTolerated).toBe(Math.floor((c.shape.members - 1) / 2));
      expect(hostsOf(summary, 'controlPlane', hourly['controlPlane']!)).toBe(c.shape.controlPlane);
      expect(hostsOf(summary, 'worker', hourly['worker']!)).toBe(c.shape.workers);
      expect(hostsOf(summary, 'loadBalancer', hourly['loadBalancer']!)).toBe(c.shape.loadBalancers);
      expect(hostsOf(summary, 'etcd', hourly['etcd']!)).toBe(c.shape.topology === 'external' ? c.shape.members : 0);
    });
  }

  it('should say in comments what was inferred and what to check', async () => {
    const kubeadm = (await kubesimInProcess(['import', nodes('kubeadm-3zones'), pods('kubeadm-3zones')])).stdout;
    expect(kubeadm).toMatch(/# 3 etcd static pod\(s\) in kube-system .*etcd-k8s-cp-1/);
    expect(kubeadm).toMatch(/# CHECK: the nodes show no load balancer .*assumed ONE, in eu-west-1a/);
    expect(kubeadm).toMatch(/# CHECK: kubesim places workers round-robin, which differs from the cluster in eu-west-1a 4 \(simulated 3\), eu-west-1c 1 \(simulated 2\)/);
    expect(kubeadm).toMatch(/controlPlane: m6i\.large x3/);
    expect(kubeadm).toMatch(/worker: m6i\.2xlarge x5, r6i\.2xlarge x2/);
    expect(kubeadm).toMatch(/`kubesim fit` on incident data if available/);

    const withoutPods = (await kubesimInProcess(['import', nodes('kubeadm-3zones')])).stdout;
    expect(withoutPods).toMatch(/# CHECK: no etcd pods seen because no PODS file was given .*: assumed external etcd with 3 members .* check/);
    expect(withoutPods).toMatch(/etcd: \{ members: 3, topology: external \}/);

    const eks = (await kubesimInProcess(['import', nodes('eks')])).stdout;
    expect(eks).toMatch(/Amazon EKS, recognised by label eks\.amazonaws\.com\/nodegroup/);
    expect(eks).toMatch(/SLA 99\.95% .*source: https:\/\/aws\.amazon\.com\/eks\/sla\//);
    expect(eks).toMatch(/A = mttf \/ \(mttf \+ mttr\) = 1999h \/ \(1999h \+ 1h\) = 99\.95%/);
    expect(eks).toMatch(/controlPlane: \{ mttf: 1999h, mttr: 1h \}/);

    const minikube = (await kubesimInProcess(['import', nodes('minikube'), pods('minikube')])).stdout;
    expect(minikube).toMatch(/# CHECK: no node carries a zone label/);
    expect(minikube).toMatch(/etcd static pod etcd-minikube seen/);
  });

  it('should read NODES or PODS from stdin given as -, and print the same scenario as from files (but for the file names)', async () => {
    const fromFiles = await kubesimInProcess(['import', nodes('kubeadm-3zones'), pods('kubeadm-3zones')]);
    const nodesStdin = await kubesimInProcess(['import', '-', pods('kubeadm-3zones')], { input: readFileSync(nodes('kubeadm-3zones'), 'utf8') });
    const podsStdin = await kubesimInProcess(['import', nodes('kubeadm-3zones'), '-'], { input: readFileSync(pods('kubeadm-3zones'), 'utf8') });
    const body = (s: string) => s.split('\n').slice(1).join('\n');
    for (const r of [nodesStdin, podsStdin]) {
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(body(r.stdout)).toBe(body(fromFiles.stdout));
    }
    expect(nodesStdin.stdout.split('\n')[0]).toMatch(/from <stdin> \(10 nodes\)/);
  });

  it('should name stdin <stdin> in its errors, as every other command does', async () => {
    const r = await kubesimInProcess(['import', '-'], { input: '{"kind":"List"}' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('kubesim: <stdin>: items: expected a list of Node objects, found nothing\n');
  });

  it('should refuse to replace an existing --out file without --force, and replace it whole with it', async () => {
    const dir = tmp();
    const file = join(dir, 'mine.yaml');
    writeFileSync(file, 'my own notes\n');
    const refused = await kubesimInProcess(['import', nodes('eks'), '--out', file]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`kubesim: --out ${file}: exists: refusing to replace it (--force replaces it)\n`);
    expect(readFileSync(file, 'utf8')).toBe('my own notes\n');

    const forced = await kubesimInProcess(['import', nodes('eks'), '--out', file, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe((await kubesimInProcess(['import', nodes('eks')])).stdout);
    expect(readdirSync(dir)).toEqual(['mine.yaml']); // no temporary file left beside it
  });

  const BAD: { name: string; text: string; line: RegExp }[] = [
    { name: 'malformed JSON', text: '{\n  "kind": "List",\n  "items": [\n    {"kind": "Node",}\n  ]\n}\n', line: /^kubesim: .*bad\.json:4: malformed JSON at line 4, column 21: / },
    { name: 'a Status error', text: '{"kind":"Status","apiVersion":"v1","status":"Failure","message":"nodes is forbidden","reason":"Forbidden","code":403}', line: /^kubesim: .*bad\.json: kind: is a Status, an error from the API server: nodes is forbidden; expected the output of `kubectl get nodes -o json`$/ },
    { name: 'no nodes', text: '{"apiVersion":"v1","items":[],"kind":"List","metadata":{"resourceVersion":""}}', line: /^kubesim: .*bad\.json: items: the list holds no nodes: nothing to import$/ },
    { name: 'a JSON array', text: '[]', line: /^kubesim: .*bad\.json: expected the JSON object that `kubectl get nodes -o json` prints, found a list$/ },
    { name: 'a node without a name', text: '{"kind":"List","items":[{"kind":"Node","metadata":{"labels":{}}}]}', line: /^kubesim: .*bad\.json: items\[0\]\.metadata\.name: expected the Node's name, found nothing$/ },
  ];
  for (const b of BAD) {
    it(`should refuse ${b.name} as NODES in one line, exit 2, and write no --out file`, async () => {
      const dir = tmp();
      writeFileSync(join(dir, 'bad.json'), b.text);
      const r = await kubesimInProcess(['import', join(dir, 'bad.json'), '--out', join(dir, 'out.yaml')]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.split('\n')).toHaveLength(2);
      expect(r.stderr.trimEnd()).toMatch(b.line);
      expect(readdirSync(dir)).toEqual(['bad.json']);
    });
  }

  it('should refuse a pod list given as NODES, naming the command that printed it', async () => {
    const r = await kubesimInProcess(['import', pods('minikube')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`kubesim: ${pods('minikube')}: items[0].kind: expected Node, found "Pod": this is the output of \`kubectl get pods -n kube-system -o json\`, not of \`kubectl get nodes -o json\`\n`);
  });

  it('should refuse a --name the scenario would refuse, and an --out that is a folder, before reading anything', async () => {
    const dir = tmp();
    const named = await kubesimInProcess(['import', join(dir, 'missing.json'), '--name', 'a/b']);
    expect(named.code).toBe(2);
    expect(named.stderr).toBe('kubesim: --name: expected a name without \'/\', control or bidirectional characters, found "a/b"\n');
    const folder = await kubesimInProcess(['import', join(dir, 'missing.json'), '--out', dir]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toBe(`kubesim: --out ${dir}: is a folder; give a file name, e.g. --out ${dir}/imported.yaml\n`);
    const forced = await kubesimInProcess(['import', nodes('eks'), '--force']);
    expect(forced.code).toBe(2);
    expect(forced.stderr).toBe('kubesim: --force: only with --out (stdout is never a file to replace)\n');
    const named2 = await kubesimInProcess(['import', nodes('eks'), '--name', 'shop-prod']);
    expect(named2.stdout).toMatch(/^  name: "shop-prod"$/m);
    expect(named2.stdout).toMatch(/^    - name: "shop-prod"$/m);
  });

  it('should refuse - for both inputs before reading anything', async () => {
    const dir = tmp();
    const r = await kubesimInProcess(['import', '-', '-', '--out', join(dir, 'out.yaml')], { input: readFileSync(nodes('eks'), 'utf8') });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('kubesim: import: NODES and PODS cannot both be - (stdin): give one of them as a file\n');
    expect(existsSync(join(dir, 'out.yaml'))).toBe(false);
  });
});
