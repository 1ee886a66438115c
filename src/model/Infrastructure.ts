/** Which hosts, components and datacenters are up: counts of active down causes, so overlapping faults compose. */
import type { Topology } from './Topology.js';

/**
 * A host is down while any cause holds it down (its own failure, a crash, an upgrade, a failure
 * domain) or its datacenter is down; a component is down while its host is, or while a cause of
 * its own holds (a stacked etcd member's process). Counting causes, rather than flipping a flag,
 * makes overlapping faults compose: a crash that ends during a datacenter outage does not bring
 * the host back early.
 */
export class Infrastructure {
  readonly hostCauses: Int32Array;
  readonly componentCauses: Int32Array;
  readonly datacenterCauses: Int32Array;
  /** The topology's placement as flat arrays, read on every evaluation: host of each component, datacenter of each host. */
  private readonly hostOf: Int32Array;
  private readonly datacenterOf: Int32Array;

  constructor(readonly topology: Topology) {
    this.hostCauses = new Int32Array(topology.hosts.length);
    this.componentCauses = new Int32Array(topology.components.length);
    this.datacenterCauses = new Int32Array(topology.datacenters.length);
    this.hostOf = Int32Array.from(topology.components, (c) => c.host);
    this.datacenterOf = Int32Array.from(topology.hosts, (h) => h.datacenter);
  }

  hostUp(h: number): boolean {
    return this.hostCauses[h] === 0 && this.datacenterCauses[this.datacenterOf[h]!] === 0;
  }

  componentUp(c: number): boolean {
    return this.componentCauses[c] === 0 && this.hostUp(this.hostOf[c]!);
  }

  datacenterUp(d: number): boolean {
    return this.datacenterCauses[d] === 0;
  }
}
