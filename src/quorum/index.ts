/** Raft's majority rule, pure: no kernel, no randomness, no I/O. Everything that counts votes imports it from here. */
export { failuresTolerated, quorumSize, quorumTime } from './majority.js';
export { findQuorum, scanQuorum, type Quorum } from './findQuorum.js';
