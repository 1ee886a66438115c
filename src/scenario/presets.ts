/** The registry of deployment models: what each is, the rules it brings and the defaults a cluster of it starts from. */

export interface ModelPreset {
  /** One line on what the model is. */
  readonly summary: string;
  /** A few words for the schema's list of models ("one host runs everything"). */
  readonly brief: string;
  readonly highlyAvailable: string;
  readonly replicatedConfig: string;
  readonly namespaceIsolation: string;
  /** Defaults for fields a cluster leaves out. */
  readonly controlPlaneNodes: number;
  readonly etcdMembers: number;
  readonly workerNodes: number;
  readonly loadBalancer: boolean;
  /** One host runs everything (single-server): the counts above are the only ones allowed. */
  readonly singleHost: boolean;
  /** Whether a cluster of the model must declare tenants. */
  readonly needsTenants: boolean;
  /** Whether its clusters serve together: with two or more serving, a `global/service` signal. */
  readonly servesGlobally: boolean;
  /** The fewest clusters a scenario using the model must hold. */
  readonly minClusters: number;
  /** Whether the model needs spec.federation (and spec.federation needs a cluster of it). */
  readonly needsFederation: boolean;
  /** A small, typical deployment of the model (raw `spec` fields), that `kubesim models` simulates. */
  readonly example: object;
}

// Three control-plane nodes with stacked etcd is kubeadm's smallest highly available topology
// ("Options for highly available topology"); every model but single-server starts from it.
const HA = { controlPlaneNodes: 3, etcdMembers: 3, workerNodes: 3, loadBalancer: true, singleHost: false } as const;
/** The rules most models leave alone. */
const PLAIN = { needsTenants: false, servesGlobally: false, minClusters: 1, needsFederation: false } as const;

const dcs = [{ name: 'dc-a' }, { name: 'dc-b' }, { name: 'dc-c' }];
const web = [{ name: 'web', replicas: 3 }];
// Highly available models get what makes them so: a control plane and a load balancer in every datacenter.
const lbEverywhere = { datacenters: dcs.map((d) => d.name) };

/**
 * Every model, by the name a cluster's `model` gives, in the order messages and `kubesim models`
 * list them. The set of models is this registry's keys: an entry short of a field does not
 * compile, and code that handles each model reads a field here instead of comparing names.
 */
export const MODEL_PRESETS = {
  'single-server': {
    brief: 'one host runs everything',
    summary: 'one host runs everything (like minikube): for developers, not production',
    highlyAvailable: 'no',
    replicatedConfig: 'no',
    namespaceIsolation: 'no',
    controlPlaneNodes: 1,
    etcdMembers: 1,
    workerNodes: 1,
    loadBalancer: false,
    singleHost: true,
    ...PLAIN,
    example: { clusters: [{ name: 'dev', model: 'single-server', workloads: web }] },
  },
  'multi-tenant': {
    brief: 'one cluster shared by tenants',
    summary: 'one cluster shared by teams in namespaces, with quotas and network policies',
    highlyAvailable: 'as its control plane',
    replicatedConfig: 'within the cluster',
    namespaceIsolation: 'yes (quotas and network policies, where declared)',
    ...HA,
    ...PLAIN,
    needsTenants: true,
    example: {
      datacenters: dcs,
      clusters: [
        {
          name: 'shared',
          model: 'multi-tenant',
          loadBalancer: lbEverywhere,
          tenants: [
            { name: 'team-a', quota: { pods: 10 }, networkPolicy: true },
            { name: 'team-b', quota: { pods: 10 }, networkPolicy: true },
          ],
          workloads: [
            { name: 'a', replicas: 3, tenant: 'team-a' },
            { name: 'b', replicas: 3, tenant: 'team-b' },
          ],
        },
      ],
    },
  },
  'multi-master': {
    brief: 'several control-plane nodes',
    summary: 'several control-plane nodes behind a load balancer, odd-sized etcd (3 minimum; the seed\'s "5-7 members around 100 workers" is checked by `kubesim models`)',
    highlyAvailable: 'yes',
    replicatedConfig: 'within the cluster',
    namespaceIsolation: 'as configured',
    ...HA,
    ...PLAIN,
    example: { datacenters: dcs, clusters: [{ name: 'prod', model: 'multi-master', loadBalancer: lbEverywhere, workloads: web }] },
  },
  'multi-cluster': {
    brief: 'several clusters',
    summary: 'several clusters across one or more datacenters, ideally one management interface',
    highlyAvailable: 'yes',
    replicatedConfig: 'only within each cluster',
    namespaceIsolation: 'n/a',
    ...HA,
    ...PLAIN,
    servesGlobally: true,
    minClusters: 2,
    example: {
      datacenters: dcs,
      management: { cluster: 'east' },
      clusters: ['east', 'west', 'south'].map((name, i) => ({ name, model: 'multi-cluster', datacenters: [dcs[i]!.name], workloads: web })),
    },
  },
  federation: {
    brief: 'several clusters with synchronised configuration',
    summary: 'multi-cluster plus configuration synchronised across member clusters, rolled out globally',
    highlyAvailable: 'yes',
    replicatedConfig: 'across clusters',
    namespaceIsolation: 'per namespace, federated',
    ...HA,
    ...PLAIN,
    servesGlobally: true,
    needsFederation: true,
    example: {
      datacenters: dcs,
      federation: { hostCluster: 'east', rollout: { strategy: 'canary' } },
      clusters: ['east', 'west', 'south'].map((name, i) => ({ name, model: 'federation', datacenters: [dcs[i]!.name], workloads: web })),
    },
  },
} satisfies Readonly<Record<string, ModelPreset>>;

export type DeploymentModel = keyof typeof MODEL_PRESETS;

/** The models, in registry order. */
export const DEPLOYMENT_MODELS = Object.keys(MODEL_PRESETS) as readonly DeploymentModel[];

