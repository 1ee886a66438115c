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

  constructor(readonly topology: Topology) {
    this.hostCauses = new Int32Array(topology.hosts.length);
    this.componentCauses = new Int32Array(topology.components.length);
    this.datacenterCauses = new Int32Array(topology.datacenters.length);
  }

  hostUp(h: number): boolean {
    return this.hostCauses[h] === 0 && this.datacenterCauses[this.topology.hosts[h]!.datacenter] === 0;
  }

  componentUp(c: number): boolean {
    return this.componentCauses[c] === 0 && this.hostUp(this.topology.components[c]!.host);
  }

  datacenterUp(d: number): boolean {
    return this.datacenterCauses[d] === 0;
  }
}
