/** Which workers' kubelets can renew their node Lease: whether they reach an apiserver that can write, through the load balancer. */
import type { Network } from './Network.js';
import type { ClusterLayout, Topology } from './Topology.js';
import type { Workloads } from './Workloads.js';

/**
 * A kubelet talks to the API the way clients do: through the load balancer, or straight to the
 * apiservers when the cluster has none (Kubernetes "Nodes": the kubelet renews its Lease through
 * the API). It can renew while an instance of the load balancer that is up and in its network
 * group routes to an apiserver that can write; reachability is group equality, so this is one
 * answer per group: the group holds an apiserver that can write and (with a load balancer) a
 * live instance. The workers are told only when a group's answer or the groups themselves
 * change, so the cost per evaluation is the number of groups, not of workers.
 *
 * It narrates a zone whose every live kubelet loses the API while clients still can write (a
 * zone cut off by a partition); while nobody can write (a quorum loss, an election) the
 * apiWrite narration says it all, and it keeps quiet.
 */
export class KubeletReach {
  private readonly workerHost: Int32Array;
  private readonly writerIn: Uint8Array;
  private readonly lbIn: Uint8Array;
  private readonly ok: Uint8Array;
  private readonly lastOk: Uint8Array;
  private lastGroups = 1;
  private lastVersion = -1;
  private cutZones = '';

  constructor(
    private readonly topology: Topology,
    private readonly layout: ClusterLayout,
    private readonly network: Network,
    private readonly workloads: Workloads,
    /** Zone (index into zoneNames) of each worker. */
    private readonly zoneOf: Int32Array,
    private readonly zoneNames: readonly string[],
    private readonly note: (text: string) => void,
  ) {
    const comps = topology.components;
    this.workerHost = Int32Array.from(layout.workers, (c) => comps[c]!.host);
    const hosts = topology.hosts.length;
    this.writerIn = new Uint8Array(hosts);
    this.lbIn = new Uint8Array(hosts);
    this.ok = new Uint8Array(hosts);
    this.lastOk = new Uint8Array(hosts).fill(1);
  }

  /**
   * `cpWrite[i]`: whether apiserver i can write; `lbHosts[0..lbCount)`: the hosts of the load
   * balancer instances that are up, or -1 alone for a cluster without one.
   */
  update(cpWrite: Uint8Array, lbHosts: Int32Array, lbCount: number, apiWrite: boolean): void {
    if (this.workerHost.length === 0) return; // no kubelets to tell
    const { network, layout } = this;
    const comps = this.topology.components;
    const groups = network.groups;
    // Without a partition there is one group, and its answer is the clients' (apiWrite): the
    // common case, on every evaluation, without touching the arrays.
    if (groups === 1 && this.lastGroups === 1 && network.version === this.lastVersion && (apiWrite ? 1 : 0) === this.lastOk[0]) return;
    this.writerIn.fill(0, 0, groups);
    this.lbIn.fill(0, 0, groups);
    for (let i = 0; i < layout.controlPlane.length; i++) {
      if (cpWrite[i]) this.writerIn[network.group[comps[layout.controlPlane[i]!]!.host]!] = 1;
    }
    const direct = lbCount > 0 && lbHosts[0]! < 0;
    for (let j = 0; j < lbCount; j++) if (lbHosts[j]! >= 0) this.lbIn[network.group[lbHosts[j]!]!] = 1;
    let changed = network.version !== this.lastVersion || groups !== this.lastGroups;
    for (let g = 0; g < groups; g++) {
      this.ok[g] = this.writerIn[g]! && (direct || this.lbIn[g]!) ? 1 : 0;
      if (this.ok[g] !== this.lastOk[g]) changed = true;
    }
    if (!changed) return;
    this.lastVersion = network.version;
    this.lastGroups = groups;
    this.lastOk.set(this.ok.subarray(0, groups));
    for (let w = 0; w < this.workerHost.length; w++) {
      this.workloads.connectionChanged(w, this.ok[network.group[this.workerHost[w]!]!] === 1);
    }
    if (apiWrite) this.narrate();
  }

  /** Names the zones whose every live kubelet has lost the API, when that set changes. */
  private narrate(): void {
    const zones = this.zoneNames.length;
    const up = new Int32Array(zones);
    const reaching = new Int32Array(zones);
    for (let w = 0; w < this.workerHost.length; w++) {
      if (!this.workloads.hostUp(w)) continue;
      up[this.zoneOf[w]!]!++;
      if (this.workloads.isConnected(w)) reaching[this.zoneOf[w]!]!++;
    }
    const cut = this.zoneNames.filter((_, z) => up[z]! > 0 && reaching[z] === 0);
    const key = cut.join(',');
    if (key === this.cutZones) return;
    const before = this.cutZones === '' ? [] : this.cutZones.split(',');
    this.cutZones = key;
    const name = this.layout.spec.name;
    for (const z of cut) if (!before.includes(z)) this.note(`${name} kubelets in zone ${z} cannot reach an apiserver that can write: they stop renewing their node leases`);
    for (const z of before) if (!cut.includes(z)) this.note(`${name} kubelets in zone ${z} reach an apiserver that can write again`);
  }
}
