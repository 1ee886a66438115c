/** The closed-form route: a signal that is an AND of independent k-of-n blocks is a product of k-of-n availabilities. */
import { kOfN } from '../kOfN.js';
import type { SignalTotals } from './enumerate.js';
import { atLeast, upCountDistribution } from './poissonBinomial.js';
import type { ClusterStructure, Condition } from './structure.js';
import { conditionUnit, type Unit } from './units.js';

/** At least k of the conditions up. */
interface Block {
  readonly symbol: string;
  readonly k: number;
  readonly conditions: readonly Condition[];
}

export interface ClosedForm {
  readonly totals: SignalTotals;
  readonly formula: string;
}

/**
 * The three signals (etcdQuorum, apiWrite, apiRead) as ANDs of blocks:
 * quorum = q of the voters; apiWrite = one of the load balancers, quorum and one of the writers (left out
 * when quorum implies it, as with stacked etcd where each voter is its own apiserver's member);
 * apiRead = one of the load balancers, one of the readers and, when readers need one, one of the voters.
 * undefined when the signal is not such an AND (some readers need a member and some do not).
 */
export function signalBlocks(st: ClusterStructure): (Block[] | undefined)[] {
  const lb: Block[] = st.loadBalancers.length > 0 ? [{ symbol: 'A_lb', k: 1, conditions: st.loadBalancers }] : [];
  const quorum: Block = { symbol: 'A_quorum', k: st.quorum, conditions: st.voters };
  const implied = st.quorum >= 1 && st.voters.every((v) => st.writers.some((w) => w.every((p) => v.includes(p))));
  const writers: Block[] = implied ? [] : [{ symbol: 'A_apiservers', k: 1, conditions: st.writers }];
  const needs = st.readers.filter((r) => r.needsAnyMember).length;
  const readers: Block = { symbol: 'A_apiservers', k: 1, conditions: st.readers.map((r) => r.condition) };
  const read =
    needs === 0
      ? [...lb, readers]
      : needs === st.readers.length
        ? [...lb, readers, { symbol: 'A_voters', k: 1, conditions: st.voters }]
        : undefined;
  return [[quorum], [...lb, quorum, ...writers], read];
}

/**
 * The product form, when every condition in the blocks uses processes no other condition uses
 * (so blocks and the members inside them are independent); undefined otherwise. Outage rate by
 * Ross's formula: block b fails when one of its up members fails while exactly k are up, at
 * sum_c up_c * rate_c * P(exactly k - 1 of the others up), and the signal when a block fails
 * while the others are up.
 */
export function closedForm(st: ClusterStructure, blocks: readonly Block[]): ClosedForm | undefined {
  const seen = new Set<number>();
  for (const c of blocks.flatMap((b) => b.conditions)) {
    for (const p of c) {
      if (seen.has(p)) return undefined;
    }
    c.forEach((p) => seen.add(p));
  }
  const solved = blocks.map((b) => {
    const parts = b.conditions.map((c) => conditionUnit(st, c));
    const same = parts.every((p) => p.up === parts[0]!.up && p.down === parts[0]!.down);
    const split = same && parts.length > 0 ? kOfN(parts.length, b.k, parts[0]!.up, parts[0]!.down) : atLeast(b.k, parts);
    return { split, rate: blockRate(b.k, parts), text: `${b.symbol} = ${describe(b.k, parts, same)}` };
  });
  const up = solved.reduce((a, b) => a * b.split.up, 1);
  const down = 0 - Math.expm1(solved.reduce((a, b) => a + Math.log1p(-Math.min(1, b.split.down)), 0));
  const outagesPerSecond = solved.reduce((sum, b, i) => sum + b.rate * solved.reduce((a, o, j) => (j === i ? a : a * o.split.up), 1), 0);
  const formula = `A = ${blocks.map((b) => b.symbol).join(' × ') || '1'}; ${solved.map((b) => b.text).join('; ')}`;
  return { totals: { up, down, outagesPerSecond }, formula };
}

function blockRate(k: number, parts: readonly Unit[]): number {
  if (k < 1) return 0;
  return parts.reduce((sum, c, i) => {
    const others = upCountDistribution(parts.filter((_, j) => j !== i));
    return sum + c.up * c.failureRate * (others[k - 1] ?? 0);
  }, 0);
}

function describe(k: number, parts: readonly Unit[], same: boolean): string {
  const n = parts.length;
  if (n === 0) return k <= 0 ? '1' : '0';
  if (!same) return `P(at least ${k} of ${n} up), a = ${parts.map(show).join(', ')}`;
  const form =
    n === 1 && k === 1
      ? 'a'
      : k === 1
        ? `1 − (1 − a)^${n}`
        : k === n
          ? `a^${n}`
          : n === 3 && k === 2
            ? '3a² − 2a³'
            : `Σ_{i=${k}..${n}} C(${n},i) a^i (1 − a)^(${n}−i)`;
  return `${form}, a = ${show(parts[0]!)}`;
}

/**
 * An availability with its digits where they matter: 1 − 6.944e-4 rather than 0.99931. A unit
 * that never fails (or never comes back) reads 1 (or 0): "1 − 0.000" would suggest a rounding.
 */
function show(u: Unit): string {
  if (u.down === 0) return '1';
  if (u.up === 0) return '0';
  return u.down < 0.01 ? `1 − ${u.down.toPrecision(4)}` : u.up.toPrecision(4);
}
