/** The small closed forms of availability (domain.md, "Closed forms the simulation must agree with"). */

/**
 * Steady-state availability of one repairable member: a = MTTF / (MTTF + MTTR) (domain.md).
 * By renewal theory this holds for any distributions of the times, with MTTF and MTTR their means.
 */
export function memberAvailability(mttf: number, mttr: number): number {
  if (!(mttf >= 0) || !(mttr >= 0) || !(mttf + mttr > 0) || !Number.isFinite(mttf + mttr)) {
    throw new RangeError(`memberAvailability needs finite MTTF, MTTR >= 0 with a positive sum, found ${mttf}, ${mttr}`);
  }
  return mttf / (mttf + mttr);
}

/** The parts of the series-parallel form of API availability. */
export interface ApiParts {
  /** Availability of the load balancer (1 without one). */
  readonly loadBalancer: number;
  /** Availability of one apiserver. */
  readonly apiserver: number;
  /** Number of apiservers, m. */
  readonly apiservers: number;
  /** Availability of the etcd quorum. */
  readonly quorum: number;
}

/**
 * Series and parallel (domain.md): A_api = A_lb * (1 - (1 - a_apiserver)^m) * A_quorum, before
 * election delays. Exact only when the three parts are independent (external etcd, no shared
 * datacenter or failure domain); `analyzeScenario` checks that before using it.
 */
export function apiWriteAvailability(p: ApiParts): number {
  checkCount('apiWriteAvailability apiservers', p.apiservers);
  return p.loadBalancer * (1 - Math.pow(1 - p.apiserver, p.apiservers)) * p.quorum;
}

function checkCount(api: string, n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${api} needs a whole number >= 0, found ${n}`);
}
