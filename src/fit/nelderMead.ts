/** A small Nelder–Mead minimiser for the likelihoods without a one-dimensional profile (lognormal and gamma with censoring). */

export interface MinimumOptions {
  /** Half-width of the first simplex along each axis (the parameters are logarithms: 0.5 is a factor of about 1.6). */
  readonly step?: number;
  /**
   * Stop when the simplex's values differ by less than this relative to the best (1 + |f|) and its
   * points by less than `xTolerance`. The defaults sit above the rounding noise of a log-likelihood
   * summed over thousands of terms (about 1e-12 absolute): tighter, the simplex can no longer tell
   * its points apart and cycles until the iteration limit.
   */
  readonly fTolerance?: number;
  readonly xTolerance?: number;
  readonly maxIterations?: number;
}

export interface Minimum {
  readonly x: number[];
  readonly value: number;
  readonly iterations: number;
}

/**
 * Minimises f from x0 with the standard coefficients (reflection 1, expansion 2, contraction
 * 1/2, shrink 1/2). A value that is not finite counts as +Infinity, so the simplex walks away
 * from parameters where the likelihood underflows. Deterministic: no random restarts. Callers
 * restart once from the answer, the usual guard against a simplex that collapsed early.
 */
export function nelderMead(f: (x: readonly number[]) => number, x0: readonly number[], options: MinimumOptions = {}): Minimum {
  const n = x0.length;
  const step = options.step ?? 0.5;
  const fTol = options.fTolerance ?? 1e-11;
  const xTol = options.xTolerance ?? 1e-7;
  const maxIterations = options.maxIterations ?? 2000 * n;
  const value = (x: readonly number[]): number => {
    const y = f(x);
    return Number.isFinite(y) ? y : Infinity;
  };
  let simplex = [x0.slice()];
  for (let i = 0; i < n; i++) {
    const x = x0.slice();
    x[i] = x[i]! + step;
    simplex.push(x);
  }
  let values = simplex.map(value);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
    simplex = order.map((i) => simplex[i]!);
    values = order.map((i) => values[i]!);
    const best = simplex[0]!;
    const worst = simplex[n]!;
    let spread = 0;
    for (const x of simplex) for (let j = 0; j < n; j++) spread = Math.max(spread, Math.abs(x[j]! - best[j]!));
    if (Math.abs(values[n]! - values[0]!) <= fTol * (1 + Math.abs(values[0]!)) && spread <= xTol) break;
    const centroid = Array.from({ length: n }, (_, j) => simplex.slice(0, n).reduce((s, x) => s + x[j]!, 0) / n);
    const along = (t: number) => centroid.map((c, j) => c + t * (worst[j]! - c));
    const reflected = along(-1);
    const fr = value(reflected);
    if (fr < values[0]!) {
      const expanded = along(-2);
      const fe = value(expanded);
      [simplex[n], values[n]] = fe < fr ? [expanded, fe] : [reflected, fr];
      continue;
    }
    if (fr < values[n - 1]!) {
      [simplex[n], values[n]] = [reflected, fr];
      continue;
    }
    // Contract towards the better of the worst point and its reflection.
    const contracted = fr < values[n]! ? along(-0.5) : along(0.5);
    const fc = value(contracted);
    if (fc < Math.min(fr, values[n]!)) {
      [simplex[n], values[n]] = [contracted, fc];
      continue;
    }
    for (let i = 1; i <= n; i++) {
      simplex[i] = simplex[i]!.map((xi, j) => best[j]! + 0.5 * (xi - best[j]!));
      values[i] = value(simplex[i]!);
    }
  }
  let at = 0;
  for (let i = 1; i <= n; i++) if (values[i]! < values[at]!) at = i;
  return { x: simplex[at]!, value: values[at]!, iterations };
}

/** Nelder–Mead, then once more from its answer with a smaller simplex. */
export function minimize(f: (x: readonly number[]) => number, x0: readonly number[]): Minimum {
  const first = nelderMead(f, x0);
  const second = nelderMead(f, first.x, { step: 0.05 });
  return { ...second, iterations: first.iterations + second.iterations };
}
