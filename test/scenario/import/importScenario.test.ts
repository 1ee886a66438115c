/** The pure import: any node list (zones, roles, providers, names of any characters) gives a scenario that parses, with the cluster's counts. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/scenario/index.js';
import { importScenario } from '../../../src/scenario/import/importScenario.js';
import { runs } from '../../runs.js';

interface GenNode {
  readonly name: string;
  readonly controlPlane: 'control-plane' | 'master' | 'none';
  readonly zone: string | undefined;
  readonly legacyZone: boolean;
  readonly instanceType: string | undefined;
  readonly provider: 'eks' | 'gke' | 'aks' | 'aws-id' | 'none';
}

const PROVIDER_LABELS: Record<string, Record<string, string>> = {
  eks: { 'eks.amazonaws.com/nodegroup': 'ng-1' },
  gke: { 'cloud.google.com/gke-nodepool': 'default-pool' },
  aks: { 'kubernetes.azure.com/agentpool': 'nodepool1' },
};

/** A node as kubectl prints it, reduced to what matters here. */
function kubeNode(n: GenNode): unknown {
  const labels: Record<string, string> = { 'kubernetes.io/hostname': n.name, ...(PROVIDER_LABELS[n.provider] ?? {}) };
  if (n.controlPlane !== 'none') labels[`node-role.kubernetes.io/${n.controlPlane}`] = '';
  if (n.zone !== undefined) labels[n.legacyZone ? 'failure-domain.beta.kubernetes.io/zone' : 'topology.kubernetes.io/zone'] = n.zone;
  if (n.instanceType !== undefined) labels['node.kubernetes.io/instance-type'] = n.instanceType;
  const spec = n.provider === 'aws-id' ? { providerID: `aws:///us-east-1a/i-${n.name.length}` } : {};
  return { apiVersion: 'v1', kind: 'Node', metadata: { name: n.name, labels }, spec, status: { nodeInfo: { kubeletVersion: 'v1.30.2' } } };
}

// Any text, not only ASCII: zone labels and names with bidirectional controls or line separators too.
const anyText = (maxLength: number) => fc.oneof(fc.string({ maxLength }), fc.string({ unit: 'binary', maxLength }));
const zone = fc.oneof(fc.constantFrom('eu-west-1a', 'eu-west-1b', 'eu-west-1c', 'zone/with/slashes', 'global', '', 'a\u061cb', 'c\u2028d'), anyText(12));
const node = fc.record({
  name: fc.oneof(fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/), anyText(20).filter((s) => s !== '')),
  controlPlane: fc.constantFrom('control-plane', 'master', 'none', 'none'),
  zone: fc.option(zone, { nil: undefined }),
  legacyZone: fc.boolean(),
  instanceType: fc.option(anyText(12), { nil: undefined }),
  provider: fc.constantFrom('eks', 'gke', 'aks', 'aws-id', 'none', 'none'),
}) as fc.Arbitrary<GenNode>;

const list = (items: unknown[]) => JSON.stringify({ apiVersion: 'v1', kind: 'List', items, metadata: { resourceVersion: '' } }, null, 4);

describe('importScenario', () => {
  it('should produce, for any node list and etcd pods, a scenario that parseScenario accepts with the cluster\'s counts', () => {
    fc.assert(
      fc.property(fc.array(node, { minLength: 1, maxLength: 40 }), fc.nat({ max: 6 }), fc.boolean(), (nodes, etcdPods, givePods) => {
        const cps = nodes.filter((n) => n.controlPlane !== 'none');
        const pods = cps.slice(0, etcdPods).map((n) => ({ kind: 'Pod', metadata: { name: `etcd-${n.name}`, labels: { component: 'etcd', tier: 'control-plane' } }, spec: { nodeName: n.name } }));
        const yaml = importScenario({ text: list(nodes.map(kubeNode)), file: 'nodes.json' }, givePods ? { text: list(pods), file: 'pods.json' } : undefined);
        const s = parseScenario(yaml, 'imported.yaml');
        const c = s.clusters[0]!;
        const workers = nodes.length - cps.length;
        if (c.model === 'single-server') {
          expect(nodes).toHaveLength(1);
          return;
        }
        expect(c.workers.nodes).toBe(workers);
        if (cps.length === 0) {
          // A managed control plane: one component at the SLA, no load balancer of its own.
          expect(c.controlPlane.nodes).toBe(1);
          expect(c.loadBalancer.enabled).toBe(false);
          return;
        }
        expect(c.controlPlane.nodes).toBe(cps.length);
        const seen = givePods ? Math.min(etcdPods, cps.length) : 0;
        expect(c.etcd.topology).toBe(seen > 0 ? 'stacked' : 'external');
        expect(c.etcd.members).toBe(seen > 0 ? Math.min(seen, 9) : Math.min(cps.length, 9));
        expect(c.loadBalancer.datacenters).toEqual([c.datacenters[0]]);
        // Every zone (and the unlabelled nodes) is one datacenter of the cluster.
        const zones = new Set(nodes.map((n) => (n.zone === '' ? undefined : n.zone)));
        expect(c.datacenters).toHaveLength(zones.size);
      }),
      { numRuns: runs(200) },
    );
  });

  it('should clip a cluster past kubesim\'s limits and say so', () => {
    const nodes = [
      ...Array.from({ length: 3 }, (_, i) => kubeNode({ name: `cp-${i}`, controlPlane: 'control-plane', zone: 'a', legacyZone: false, instanceType: 'm', provider: 'none' })),
      ...Array.from({ length: 5001 }, (_, i) => kubeNode({ name: `w-${i}`, controlPlane: 'none', zone: 'a', legacyZone: false, instanceType: 'm', provider: 'none' })),
    ];
    const yaml = importScenario({ text: list(nodes), file: 'nodes.json' });
    expect(parseScenario(yaml, 'x.yaml').clusters[0]!.workers.nodes).toBe(5000);
    expect(yaml).toMatch(/# CHECK: clipped to kubesim's limit of 5000/);
  });

  it('should give GKE 99.5% in one zone and 99.95% over several, and AKS 99.9% / 99.95%', () => {
    const gke = (zones: string[]) => importScenario({ text: list(zones.map((z, i) => kubeNode({ name: `n${i}`, controlPlane: 'none', zone: z, legacyZone: false, instanceType: 'e2-standard-4', provider: 'gke' }))), file: 'n.json' });
    expect(gke(['a', 'a'])).toMatch(/a zonal GKE cluster, SLA 99\.5% .*cloud\.google\.com\/kubernetes-engine\/sla/);
    expect(gke(['a', 'b'])).toMatch(/a regional \(or Autopilot\) GKE cluster, SLA 99\.95%/);
    expect(gke(['a', 'a'])).toMatch(/controlPlane: \{ mttf: 199h, mttr: 1h \}/);
    const aks = (zones: string[]) => importScenario({ text: list(zones.map((z, i) => kubeNode({ name: `n${i}`, controlPlane: 'none', zone: z, legacyZone: false, instanceType: undefined, provider: 'aks' }))), file: 'n.json' });
    expect(aks(['0', '0'])).toMatch(/without availability zones, SLA 99\.9% .*controlPlane: \{ mttf: 999h/s);
    expect(aks(['1', '2'])).toMatch(/with availability zones, SLA 99\.95%/);
  });

  it('should name kube-vip (or haproxy, keepalived) pods beside the assumed load balancer', () => {
    const cps = ['a', 'b', 'c'].map((z, i) => kubeNode({ name: `cp-${i}`, controlPlane: 'control-plane', zone: z, legacyZone: false, instanceType: undefined, provider: 'none' }));
    const pods = [{ kind: 'Pod', metadata: { name: 'kube-vip-cp-0', labels: {} }, spec: { nodeName: 'cp-0' } }];
    const yaml = importScenario({ text: list(cps), file: 'n.json' }, { text: list(pods), file: 'p.json' });
    expect(yaml).toMatch(/# CHECK: the nodes show no load balancer .*assumed ONE, in a\./);
    expect(yaml).toMatch(/kube-system runs kube-vip-cp-0: if that is a virtual IP .*one load balancer per zone/);
    expect(yaml).toMatch(/# CHECK: no etcd pods seen in the PODS file: assumed external etcd with 3 members/);
  });

  it('should see stacked etcd in the node-role.kubernetes.io/etcd label of k3s and RKE2 when no etcd pod shows it', () => {
    const nodes = ['a', 'b', 'c'].map((z, i) => {
      const n = kubeNode({ name: `server-${i}`, controlPlane: 'control-plane', zone: z, legacyZone: false, instanceType: undefined, provider: 'none' }) as { metadata: { labels: Record<string, string> } };
      n.metadata.labels['node-role.kubernetes.io/etcd'] = 'true';
      return n;
    });
    const yaml = importScenario({ text: list(nodes), file: 'n.json' });
    expect(yaml).toMatch(/# 3 control-plane node\(s\) labelled node-role\.kubernetes\.io\/etcd \(k3s and RKE2 embedded etcd\)/);
    expect(parseScenario(yaml, 'x.yaml').clusters[0]!.etcd).toEqual({ members: 3, learners: 0, topology: 'stacked' });
  });

  it('should keep a node name with a line break inside its comment line', () => {
    const yaml = importScenario({ text: list([kubeNode({ name: 'evil\nspec: {}', controlPlane: 'control-plane', zone: undefined, legacyZone: false, instanceType: undefined, provider: 'none' })]), file: 'n.json' });
    expect(yaml).toMatch(/# One node, evil\?spec: \{\}, labelled control-plane/);
    expect(parseScenario(yaml, 'x.yaml').clusters[0]!.model).toBe('single-server');
  });
});
