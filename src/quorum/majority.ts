/** How many of n voters make a majority, and how many failures n voters survive: the one home of Raft's counting rule. */

/**
 * Votes needed among n voters: floor(n/2) + 1 (docs/domain.md#quorum). By convention an empty
 * configuration needs 0 votes, and so it never holds a quorum of anyone (see `findQuorum`).
 * Throws a RangeError for anything but a whole number >= 0: a count is a programming error otherwise.
 */
export function quorumSize(voters: number): number {
  checkVoters('quorumSize', voters);
  return voters === 0 ? 0 : Math.floor(voters / 2) + 1;
}

/** Failures n voters survive: n - quorumSize(n), that is 0, 0, 1, 1, 2, 2, 3, 3, 4 for n = 1..9 (etcd FAQ). */
export function failuresTolerated(voters: number): number {
  checkVoters('failuresTolerated', voters);
  return voters - quorumSize(voters);
}

/**
 * The moment a majority has answered, given when each voter answers (Infinity for a voter that
 * never does): the quorumSize(n)-th smallest time. It plays the role of etcd-io/raft's
 * `CommittedIndex`, with times instead of log indexes: an election completes when the
 * quorum-th vote (the candidate's own counted) arrives, not when the farthest voter answers.
 * Infinity when fewer than a quorum ever answer; an empty configuration never completes.
 */
export function quorumTime(answers: readonly number[]): number {
  const need = quorumSize(answers.length);
  if (need === 0) return Infinity;
  return [...answers].sort((a, b) => a - b)[need - 1]!;
}

function checkVoters(api: string, n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${api} needs a whole number of voters >= 0, found ${n}`);
}
