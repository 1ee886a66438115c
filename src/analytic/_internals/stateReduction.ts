/** Mean times to absorption by state reduction: Gaussian elimination that never subtracts, so it keeps full relative precision. */

/**
 * Solves (D - A) m = 1, where A[i][j] >= 0 are the rates between transient states, exit[i] >= 0
 * the rates into the absorbing set and D the total rates out. Eliminating state k turns every
 * path i -> k -> j into a direct rate A[i][k] A[k][j] / out_k and i -> k -> absorbed into an exit,
 * and recomputes each total out as the sum of its (positive) parts, as Grassmann, Taksar and
 * Heyman do for stationary distributions (1985). Plain LU instead forms out_i - A[i][k] A[k][i] / out_k,
 * which cancels when repairs are much faster than failures: measured with mathjs' lusolve, 7
 * members with mu / lambda = 1e6 lost every digit. Returns undefined when some state cannot
 * reach the absorbing set. Works in place on copies; O(m^3) time.
 */
export function absorptionTimes(rates: readonly (readonly number[])[], exit: readonly number[]): number[] | undefined {
  const m = exit.length;
  const a = rates.map((row) => Float64Array.from(row));
  const e = [...exit];
  const b = new Array<number>(m).fill(1);
  const out = new Array<number>(m).fill(0);
  for (let k = m - 1; k >= 0; k--) {
    let total = e[k]!;
    for (let j = 0; j < k; j++) total += a[k]![j]!;
    if (!(total > 0)) return undefined;
    out[k] = total;
    const rk = a[k]!;
    for (let i = 0; i < k; i++) {
      const ri = a[i]!;
      const f = ri[k]! / total;
      if (f === 0) continue;
      // ri[i] picks up a self-loop here too; it is never read (totals and back substitution use j < i).
      for (let j = 0; j < k; j++) ri[j]! += f * rk[j]!;
      e[i]! += f * e[k]!;
      b[i]! += f * b[k]!;
    }
  }
  // Back substitution: row k, as it was when k was eliminated, refers only to states below k.
  const t = new Array<number>(m).fill(0);
  for (let k = 0; k < m; k++) {
    let s = b[k]!;
    for (let j = 0; j < k; j++) s += a[k]![j]! * t[j]!;
    t[k] = s / out[k]!;
  }
  return t;
}
