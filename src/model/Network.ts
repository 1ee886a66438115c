/** Reachability between hosts under the active partitions: hosts reach each other when their groups match. */
import type { Topology } from './Topology.js';

/** A partition as the model sees it: named groups resolved to datacenter indexes and host ids. */
export interface ResolvedPartition {
  readonly datacenters: ReadonlyMap<number, number>;
  readonly hosts: ReadonlyMap<number, number>;
  /** Group of every place not named in the partition. */
  readonly rest: number;
}

/**
 * Each active partition assigns every host a group: the group naming the host itself, else the
 * one naming its datacenter, else one more group for everything unnamed. Two hosts reach each
 * other when every active partition puts them in the same group, which keeps reachability an
 * equivalence (the quorum rule relies on that). Group numbers are renumbered from 0 in host
 * order, so they compare across calls only while the partitions stay the same.
 */
export class Network {
  readonly group: Int32Array;
  /** Counts the changes of the groups, so that a caller can tell whether its view is stale. */
  version = 0;
  /** How many groups there are: group numbers run from 0 to groups - 1. */
  groups = 1;
  private readonly active: ResolvedPartition[] = [];

  constructor(private readonly topology: Topology) {
    this.group = new Int32Array(topology.hosts.length);
  }

  resolve(groups: readonly (readonly string[])[]): ResolvedPartition {
    const datacenters = new Map<number, number>();
    const hosts = new Map<number, number>();
    groups.forEach((names, g) => {
      for (const n of names) {
        const dc = this.topology.datacenterByName.get(n);
        if (dc !== undefined) datacenters.set(dc, g);
        else {
          const c = this.topology.componentByName.get(n);
          if (c === undefined) throw new Error(`Network.resolve: unknown place ${n}`);
          hosts.set(this.topology.components[c]!.host, g);
        }
      }
    });
    return { datacenters, hosts, rest: groups.length };
  }

  add(p: ResolvedPartition): void {
    this.active.push(p);
    this.recompute();
  }

  remove(p: ResolvedPartition): void {
    const i = this.active.indexOf(p);
    if (i >= 0) this.active.splice(i, 1);
    this.recompute();
  }

  get partitioned(): boolean {
    return this.active.length > 0;
  }

  reach(hostA: number, hostB: number): boolean {
    return this.group[hostA] === this.group[hostB];
  }

  private recompute(): void {
    this.version++;
    if (this.active.length === 0) {
      this.group.fill(0);
      this.groups = 1;
      return;
    }
    const ids = new Map<string, number>();
    for (const h of this.topology.hosts) {
      const key = this.active
        .map((p) => p.hosts.get(h.id) ?? p.datacenters.get(h.datacenter) ?? p.rest)
        .join(',');
      let id = ids.get(key);
      if (id === undefined) {
        id = ids.size;
        ids.set(key, id);
      }
      this.group[h.id] = id;
    }
    this.groups = Math.max(1, ids.size);
  }
}
