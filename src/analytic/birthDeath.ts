/** Birth-death chains: n members sharing c repair crews, solved in product form. */
import { quorumSize } from '../quorum/index.js';
import { sumAscending, type Split } from './kOfN.js';

/**
 * Stationary distribution of a birth-death chain on states 0..N, where `birth[j]` is the rate
 * from j to j+1 and `death[j]` the rate from j+1 back to j: pi_j is proportional to
 * prod_{i<j} birth[i] / death[i] (detailed balance). Weights are products of positive numbers,
 * so small probabilities keep their relative precision.
 */
export function birthDeathStationary(birth: readonly number[], death: readonly number[]): number[] {
  if (birth.length !== death.length) {
    throw new RangeError(`birthDeathStationary needs as many death rates as birth rates, found ${birth.length} and ${death.length}`);
  }
  for (const r of [...birth, ...death]) {
    if (!(r >= 0) || !Number.isFinite(r)) throw new RangeError(`birthDeathStationary needs finite rates >= 0, found ${r}`);
  }
  const w = [1];
  for (let j = 0; j < birth.length; j++) {
    if (death[j] === 0) throw new RangeError(`birthDeathStationary needs positive death rates, found 0 at ${j + 1} -> ${j}`);
    w.push((w[j]! * birth[j]!) / death[j]!);
  }
  const total = sumAscending(w);
  return w.map((x) => x / total);
}

/**
 * Quorum availability of n members that fail at rate lambda each and share `crews` repair crews
 * of rate mu each (rho = lambda / mu). State j = members down; it fails at (n - j) lambda and is
 * repaired at min(j, crews) mu. For n = 3, one crew, k = 2: A = (1 + 3 rho) / (1 + 3 rho + 6 rho^2
 * + 6 rho^3) (domain.md). With crews = n it is the independent k-of-n form.
 */
export function sharedRepairAvailability(n: number, rho: number, crews = 1, k = quorumSize(n)): number {
  return sharedRepair(n, rho, crews, k).up;
}

/** Both parts of `sharedRepairAvailability`, each summed directly. */
export function sharedRepair(n: number, rho: number, crews = 1, k = quorumSize(n)): Split {
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(crews) || crews < 1) {
    throw new RangeError(`sharedRepair needs whole numbers n >= 1 and crews >= 1, found n = ${n}, crews = ${crews}`);
  }
  if (!(rho >= 0) || !Number.isFinite(rho)) throw new RangeError(`sharedRepair needs a finite rho >= 0, found ${rho}`);
  const birth = Array.from({ length: n }, (_, j) => (n - j) * rho);
  const death = Array.from({ length: n }, (_, j) => Math.min(j + 1, crews));
  const pi = birthDeathStationary(birth, death);
  // Up while at most n - k members are down.
  return { up: sumAscending(pi.slice(0, n - k + 1)), down: sumAscending(pi.slice(n - k + 1)) };
}
