/** The five deployment models: what each is, and the defaults a cluster of that model starts from. */
import type { DeploymentModel } from './Scenario.js';

export interface ModelPreset {
  /** One line on what the model is. */
  readonly summary: string;
  readonly highlyAvailable: string;
  readonly replicatedConfig: string;
  readonly namespaceIsolation: string;
  /** Defaults for fields a cluster leaves out. */
  readonly controlPlaneNodes: number;
  readonly etcdMembers: number;
  readonly workerNodes: number;
  readonly loadBalancer: boolean;
  /** single-server: the counts above are the only ones allowed (one host runs everything). */
  readonly fixed: boolean;
}

// Three control-plane nodes with stacked etcd is kubeadm's smallest highly available topology
// ("Options for highly available topology"); every model but single-server starts from it.
const HA = { controlPlaneNodes: 3, etcdMembers: 3, workerNodes: 3, loadBalancer: true, fixed: false } as const;

export const MODEL_PRESETS: Readonly<Record<DeploymentModel, ModelPreset>> = {
  'single-server': {
    summary: 'one host runs everything (like minikube): for developers, not production',
    highlyAvailable: 'no',
    replicatedConfig: 'no',
    namespaceIsolation: 'no',
    controlPlaneNodes: 1,
    etcdMembers: 1,
    workerNodes: 1,
    loadBalancer: false,
    fixed: true,
  },
  'multi-tenant': {
    summary: 'one cluster shared by teams in namespaces, with quotas and network policies',
    highlyAvailable: 'as its control plane',
    replicatedConfig: 'within the cluster',
    namespaceIsolation: 'yes (quotas and network policies, where declared)',
    ...HA,
  },
  'multi-master': {
    summary: 'several control-plane nodes behind a load balancer, odd-sized etcd (3 minimum; 5-7 around 100 workers)',
    highlyAvailable: 'yes',
    replicatedConfig: 'within the cluster',
    namespaceIsolation: 'as configured',
    ...HA,
  },
  'multi-cluster': {
    summary: 'several clusters across one or more datacenters, ideally one management interface',
    highlyAvailable: 'yes',
    replicatedConfig: 'only within each cluster',
    namespaceIsolation: 'n/a',
    ...HA,
  },
  federation: {
    summary: 'multi-cluster plus configuration synchronised across member clusters, rolled out globally',
    highlyAvailable: 'yes',
    replicatedConfig: 'across clusters',
    namespaceIsolation: 'per namespace, federated',
    ...HA,
  },
};
