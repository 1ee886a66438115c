/**
 * Managed Kubernetes providers, recognised by their node labels or provider IDs, and the uptime
 * their SLA promises for the API endpoint: what an imported cluster with no visible control
 * plane models its control plane on.
 */
import type { KubeNode } from './kubeList.js';

export type Provider = 'eks' | 'gke' | 'aks';

export interface ProviderSla {
  /** Monthly uptime of the API endpoint the SLA commits to, as a fraction (0.9995). */
  readonly uptime: number;
  /** Which offer of the provider the figure is for. */
  readonly offer: string;
  /** What the user must check for the figure to apply. */
  readonly check: string;
  /** The published page the figure comes from. */
  readonly source: string;
}

export const PROVIDER_NAMES: Record<Provider, string> = { eks: 'Amazon EKS', gke: 'Google GKE', aks: 'Azure AKS' };

/** Node labels each provider puts on every node of a managed node pool. */
const POOL_LABELS: Record<Provider, readonly string[]> = {
  eks: ['eks.amazonaws.com/nodegroup', 'eks.amazonaws.com/compute-type', 'alpha.eksctl.io/nodegroup-name'],
  gke: ['cloud.google.com/gke-nodepool', 'cloud.google.com/gke-os-distribution'],
  aks: ['kubernetes.azure.com/agentpool', 'kubernetes.azure.com/cluster', 'agentpool'],
};

/** `spec.providerID` prefixes of each cloud: a node on a cloud, managed or not. */
const PROVIDER_ID_PREFIXES: Record<Provider, string> = { eks: 'aws://', gke: 'gce://', aks: 'azure://' };

/** How a provider was recognised, for the comment that says so. */
export interface Detection {
  readonly provider: Provider;
  /** `label eks.amazonaws.com/nodegroup` or `spec.providerID aws://`. */
  readonly evidence: string;
}

/** The provider most nodes point to (pool labels first, provider IDs second), if any. */
export function detectProvider(nodes: readonly KubeNode[]): Detection | undefined {
  for (const provider of Object.keys(POOL_LABELS) as Provider[]) {
    const label = POOL_LABELS[provider].find((l) => nodes.some((n) => l in n.labels));
    if (label !== undefined) return { provider, evidence: `label ${label}` };
  }
  for (const provider of Object.keys(PROVIDER_ID_PREFIXES) as Provider[]) {
    const prefix = PROVIDER_ID_PREFIXES[provider];
    if (nodes.some((n) => n.providerID?.startsWith(prefix) === true)) return { provider, evidence: `spec.providerID ${prefix}` };
  }
  return undefined;
}

/**
 * The SLA that applies to a managed control plane, given how many zones the nodes span. The
 * nodes do not say which offer a cluster runs (GKE regional or zonal, AKS Standard or Free), so
 * the zones are the hint: a regional (zone-redundant) offer when the nodes span several zones.
 */
export function providerSla(provider: Provider, zones: number): ProviderSla {
  switch (provider) {
    case 'eks':
      return {
        uptime: 0.9995,
        offer: 'the Kubernetes endpoint of an EKS cluster',
        check: 'the figure applies to every EKS cluster',
        source: 'https://aws.amazon.com/eks/sla/',
      };
    case 'gke':
      return zones > 1
        ? { uptime: 0.9995, offer: 'a regional (or Autopilot) GKE cluster', check: 'nodes in several zones suggest a regional cluster: a zonal cluster with multi-zone node pools gets 99.5% (`gcloud container clusters describe` shows its location)', source: 'https://cloud.google.com/kubernetes-engine/sla' }
        : { uptime: 0.995, offer: 'a zonal GKE cluster', check: 'nodes in one zone suggest a zonal cluster: a regional one gets 99.95% (`gcloud container clusters describe` shows its location)', source: 'https://cloud.google.com/kubernetes-engine/sla' };
    case 'aks':
      return zones > 1
        ? { uptime: 0.9995, offer: 'an AKS cluster on the Standard tier (uptime SLA) with availability zones', check: 'the Free tier has no SLA at all (`az aks show --query sku.tier`)', source: 'https://learn.microsoft.com/azure/aks/free-standard-pricing-tiers' }
        : { uptime: 0.999, offer: 'an AKS cluster on the Standard tier (uptime SLA) without availability zones', check: 'the Free tier has no SLA at all (`az aks show --query sku.tier`); with availability zones the figure is 99.95%', source: 'https://learn.microsoft.com/azure/aks/free-standard-pricing-tiers' };
  }
}

/** The repair time assumed for the managed control plane: SLAs promise uptime, not how long an outage lasts. */
export const MANAGED_MTTR_HOURS = 1;

/**
 * The mean time to failure, in whole hours, that makes one component with a mean repair of
 * MANAGED_MTTR_HOURS up for `uptime` of the time: A = mttf / (mttf + mttr), so
 * mttf = mttr * A / (1 - A) (99.95% with 1 h: 1999 h).
 */
export function mttfHoursFor(uptime: number): number {
  return Math.round((MANAGED_MTTR_HOURS * uptime) / (1 - uptime));
}
