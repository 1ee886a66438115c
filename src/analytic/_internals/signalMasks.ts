/** The three signals as bit tests on a state: bit u of the state is set while unit u is up. */
import type { ClusterStructure, Condition } from './structure.js';

export const QUORUM = 1;
export const WRITE = 2;
export const READ = 4;
/** The signals in result order: etcdQuorum, apiWrite, apiRead. */
export const SIGNAL_BITS = [QUORUM, WRITE, READ] as const;

/** Conditions as masks over units: a condition holds in state s when (s & mask) === mask. */
export interface SignalMasks {
  readonly quorum: number;
  readonly voters: Int32Array;
  /** One mask per load balancer instance; the API needs one of them (none: no load balancer). */
  readonly loadBalancers: Int32Array;
  readonly writers: Int32Array;
  readonly readers: Int32Array;
  readonly readerNeedsMember: Uint8Array;
}

/** Masks over at most 30 units (one 32-bit integer per condition). */
export function signalMasks(st: ClusterStructure, unitOf: readonly number[]): SignalMasks {
  const mask = (c: Condition) => c.reduce((m, p) => (unitOf[p]! < 0 ? m : m | (1 << unitOf[p]!)), 0);
  const masks = (cs: readonly Condition[]) => Int32Array.from(cs, mask);
  return {
    quorum: st.quorum,
    voters: masks(st.voters),
    loadBalancers: masks(st.loadBalancers),
    writers: masks(st.writers),
    readers: masks(st.readers.map((r) => r.condition)),
    readerNeedsMember: Uint8Array.from(st.readers, (r) => (r.needsAnyMember ? 1 : 0)),
  };
}

/** Which signals are up in state s, as QUORUM | WRITE | READ bits. */
export function evaluateSignals(m: SignalMasks, s: number): number {
  let votersUp = 0;
  for (const v of m.voters) if ((s & v) === v) votersUp++;
  const quorum = m.voters.length > 0 && votersUp >= m.quorum;
  if (m.loadBalancers.length > 0 && !anyHolds(m.loadBalancers, s)) return quorum ? QUORUM : 0;
  const write = quorum && anyHolds(m.writers, s);
  const anyMember = anyHolds(m.voters, s);
  let read = false;
  for (let i = 0; i < m.readers.length; i++) {
    const r = m.readers[i]!;
    if ((s & r) === r && (anyMember || m.readerNeedsMember[i] === 0)) {
      read = true;
      break;
    }
  }
  return (quorum ? QUORUM : 0) | (write ? WRITE : 0) | (read ? READ : 0);
}

/** Whether some condition of `masks` holds in state s. */
function anyHolds(masks: Int32Array, s: number): boolean {
  for (const x of masks) if ((s & x) === x) return true;
  return false;
}
