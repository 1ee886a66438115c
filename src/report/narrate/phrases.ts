/** Plain-language phrases for a step: what happened, and what state each cluster is left in. */
import type { SignalChange } from './replaySteps.js';
import type { ClusterSnapshot, Snapshot } from './TraceReplay.js';

/** Shortens names for the reader: with one cluster, `prod/etcd-2` reads `etcd-2`. */
export type Shorten = (text: string) => string;

export function shortener(clusters: readonly string[]): Shorten {
  if (clusters.length !== 1) return (text) => text;
  const name = clusters[0]!;
  const prefix = `${name}/`;
  const lead = `${name} `;
  return (text) => {
    const t = text.split(prefix).join('');
    return t.startsWith(lead) ? t.slice(lead.length) : t;
  };
}

/** A partition's groups as people write them: `[dc-a] | [dc-b, dc-c]`. */
export function groupsText(groups: readonly (readonly string[])[]): string {
  return groups.map((g) => `[${g.join(', ')}]`).join(' | ');
}

/**
 * A cluster's state after a step: members up, the quorum arithmetic, the leader, and what it
 * means for clients. `failed` says whether something went down in the step ("still writable").
 */
export function clusterPhrase(before: ClusterSnapshot | undefined, c: ClusterSnapshot, failed: boolean, short: Shorten): string {
  const split = c.sides.length > 1 ? `, split ${c.sides.join(' | ')}` : '';
  const largest = c.sides[0] ?? 0;
  const spare = c.quorumSide !== null ? ` (can lose ${largest - c.quorum} more)` : '';
  const members = `${c.up} of ${c.members.length} member${c.members.length === 1 ? '' : 's'} up${split}, quorum needs ${c.quorum}${spare}`;
  return `${members}, ${leaderPhrase(c, short)}: ${verdict(before, c, failed)}`;
}

function leaderPhrase(c: ClusterSnapshot, short: Shorten): string {
  if (c.leader === null) return c.pausedLeader === null ? 'no leader' : `leader ${short(c.pausedLeader)} (term ${c.term}) paused`;
  const m = c.members.find((x) => x.name === c.leader);
  const commits = m !== undefined && m.up && c.quorumSide !== null && m.side === c.quorumSide;
  return commits ? `leader ${short(c.leader)} (term ${c.term})` : `${short(c.leader)} still leads term ${c.term} but cannot commit`;
}

function verdict(before: ClusterSnapshot | undefined, c: ClusterSnapshot, failed: boolean): string {
  const s = c.signals;
  const pods = s['workloads'] === false ? 'some pods are not running' : 'pods keep running';
  if (s['etcdQuorum'] === false) {
    return `QUORUM LOST, API writes fail${s['apiRead'] === false ? ' and so do reads' : ''}; ${pods}`;
  }
  if (s['apiWrite'] === false) {
    if (c.leader === null) return c.pausedLeader === null ? 'API writes wait for an election' : 'API writes wait until it resumes or a new leader is elected';
    const m = c.members.find((x) => x.name === c.leader);
    if (m === undefined || !m.up || m.side !== c.quorumSide) return 'the leader is cut off from the quorum: API writes wait for the majority to elect a new one';
    const via = c.loadBalancer ? ' through the load balancer' : '';
    return `etcd can commit, but no apiserver reachable${via} can write: API writes fail`;
  }
  if (before !== undefined && before.signals['apiWrite'] === false) return 'API writes work again';
  return failed ? 'still writable' : 'writable';
}

/** The signals that changed, as `apiWrite down, scheduling down`. */
export function changesPhrase(changed: readonly SignalChange[], short: Shorten): string {
  return changed.map((c) => `${short(c.key)} ${c.up ? 'up' : 'down'}`).join(', ');
}

/** Whether anything went down in the step: a component, a datacenter or the network. */
export function somethingFailed(before: Snapshot, after: Snapshot): boolean {
  const wasDown = new Set(before.down);
  return (
    after.down.some((d) => !wasDown.has(d)) ||
    after.darkDatacenters.some((d) => !before.darkDatacenters.includes(d)) ||
    after.partitions.length > before.partitions.length
  );
}

/** Whether `text` names `name` as a whole word (`etcd-1` is not named by `etcd-10`). */
export function mentions(text: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\w-])${escaped}($|[^\\w-])`).test(text);
}
