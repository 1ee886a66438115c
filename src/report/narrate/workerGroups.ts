/** Workers told by datacenter ("40 workers in dc-b") when a step touches many, so that a line stays readable. */
import type { Topology } from '../../model/Topology.js';

/**
 * Up to this many workers of one datacenter are named one by one; more are told as a count.
 * Three reads at a glance ("worker-1, worker-4, worker-7"); forty does not.
 */
export const FEW_WORKERS = 3;

/** Where each worker runs, by its component name (`prod/worker-2`), for grouping. */
export interface WorkerPlaces {
  readonly of: ReadonlyMap<string, { readonly cluster: string; readonly datacenter: string }>;
  /** Whether the scenario has more than one cluster (labels then name the cluster). */
  readonly clusters: number;
}

export function workerPlaces(topology: Topology): WorkerPlaces {
  const of = new Map<string, { cluster: string; datacenter: string }>();
  for (const c of topology.components) {
    if (c.kind !== 'worker') continue;
    const host = topology.hosts[c.host]!;
    of.set(c.name, { cluster: topology.clusters[c.cluster]!.spec.name, datacenter: topology.datacenters[host.datacenter]! });
  }
  return { of, clusters: topology.clusters.length };
}

/** A group of workers of one cluster in one datacenter, as a reader counts them. */
export function workersLabel(count: number, cluster: string, datacenter: string, places: WorkerPlaces): string {
  const of = places.clusters > 1 ? ` of ${cluster}` : '';
  return `${count} worker${count === 1 ? '' : 's'}${of} in ${datacenter}`;
}

/** The datacenter group a component falls in (`prod|dc-b`), or undefined for a component that is not a worker. */
function groupKey(name: string, places: WorkerPlaces | undefined): string | undefined {
  const p = places?.of.get(name);
  return p === undefined ? undefined : `${p.cluster}|${p.datacenter}`;
}

/**
 * Names as a comma-separated list, in order, where the workers of a datacenter that are more
 * than FEW_WORKERS are told as one count at the place of the first of them:
 * `cp-2, etcd-2, 40 workers in dc-b`. `verbose` names every one (the list a step used to show).
 */
export function hostList(names: readonly string[], places: WorkerPlaces | undefined, short: (s: string) => string, verbose: boolean): string {
  if (places === undefined || verbose) return names.map(short).join(', ');
  const counts = new Map<string, number>();
  for (const n of names) {
    const k = groupKey(n, places);
    if (k !== undefined) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const told = new Set<string>();
  const out: string[] = [];
  for (const n of names) {
    const k = groupKey(n, places);
    const count = k === undefined ? 0 : counts.get(k)!;
    if (k === undefined || count <= FEW_WORKERS) {
      out.push(short(n));
    } else if (!told.has(k)) {
      told.add(k);
      const p = places.of.get(n)!;
      out.push(workersLabel(count, p.cluster, p.datacenter, places));
    }
  }
  return out.join(', ');
}

/** Notes that say the same of many workers of one datacenter (`prod/worker-2: its kubelet renews its lease again: Ready`). */
export interface WorkerNotes {
  readonly cluster: string;
  readonly datacenter: string;
  /** The workers, by component name, in the order of their notes. */
  readonly workers: readonly string[];
  /** What each note says after `worker: `, in the same order. */
  readonly texts: readonly string[];
}

/**
 * The notes of a step that are about one worker each, grouped when more than FEW_WORKERS of a
 * datacenter say the same thing up to their numbers (clocks, counts): by event index, the group
 * at its first note's index and null at the others' (told with the first).
 */
export function workerNoteGroups(texts: readonly (string | undefined)[], places: WorkerPlaces | undefined): Map<number, WorkerNotes | null> {
  const out = new Map<number, WorkerNotes | null>();
  if (places === undefined) return out;
  const groups = new Map<string, { at: number[]; workers: string[]; texts: string[]; cluster: string; datacenter: string }>();
  texts.forEach((text, i) => {
    const m = text === undefined ? null : /^(\S+): (.*)$/s.exec(text);
    const p = m === null ? undefined : places.of.get(m[1]!);
    if (m === null || p === undefined) return;
    const key = `${p.cluster}|${p.datacenter}|${m[2]!.replace(/\d+(\.\d+)?/g, '#')}`;
    let g = groups.get(key);
    if (g === undefined) groups.set(key, (g = { at: [], workers: [], texts: [], ...p }));
    g.at.push(i);
    g.workers.push(m[1]!);
    g.texts.push(m[2]!);
  });
  for (const { at, ...g } of groups.values()) {
    if (at.length <= FEW_WORKERS) continue;
    at.forEach((i, k) => out.set(i, k === 0 ? g : null));
  }
  return out;
}
