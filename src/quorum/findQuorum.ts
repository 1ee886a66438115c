/** Raft's majority rule applied to a network: which group of live, mutually reachable voters holds the quorum. */
import { quorumSize } from './majority.js';

/** What a set of voters can do right now. */
export type Quorum =
  /** A group of mutually reachable live voters at least quorum-sized exists: `group` is its network group. */
  | { readonly kind: 'held'; readonly group: number; readonly members: number }
  /** No such group; `largest` is the size of the largest reachable group of live voters. */
  | { readonly kind: 'lost'; readonly largest: number };

/**
 * Decides quorum for voters 0..n-1. `up[i]` says whether voter i is alive; `group[i]` is the
 * network group of its host: voters reach each other exactly when their groups are equal (the
 * network layer makes reachability an equivalence). At most one group can hold a quorum, since
 * two would need more than n voters between them. An empty configuration never holds one.
 */
export function findQuorum(up: ArrayLike<boolean>, group: ArrayLike<number>): Quorum {
  const out = { group: -1, size: 0 };
  return scanQuorum(up, group, out) ? { kind: 'held', group: out.group, members: out.size } : { kind: 'lost', largest: out.size };
}

/**
 * findQuorum without allocating, for callers that decide it at every event: returns whether a
 * group holds the quorum; `out.group` is that group (else -1) and `out.size` its members (else
 * the largest reachable group of live voters).
 */
export function scanQuorum(up: ArrayLike<boolean>, group: ArrayLike<number>, out: { group: number; size: number }): boolean {
  const n = up.length;
  const need = quorumSize(n);
  let largest = 0;
  for (let i = 0; i < n; i++) {
    if (!up[i]) continue;
    const g = group[i]!;
    // Count each group once, at its first live voter.
    let seenBefore = false;
    for (let j = 0; j < i; j++) {
      if (up[j] && group[j] === g) {
        seenBefore = true;
        break;
      }
    }
    if (seenBefore) continue;
    let size = 0;
    for (let j = i; j < n; j++) if (up[j] && group[j] === g) size++;
    if (need > 0 && size >= need) {
      out.group = g;
      out.size = size;
      return true;
    }
    if (size > largest) largest = size;
  }
  out.group = -1;
  out.size = largest;
  return false;
}
