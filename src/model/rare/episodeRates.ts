/** Long-run rates at which each critical process starts an episode: r_i = ν_i · Π_{j≠i} A_j (Palm inversion). */
import { mean } from '../../kernel/index.js';
import type { FailureProcess } from '../../scenario/Scenario.js';

/**
 * ν_i = 1 / (E[mttf_i] + E[mttr_i]) is process i's long-run failure rate and A_j = E[mttf_j] /
 * (E[mttf_j] + E[mttr_j]) the long-run fraction of time j is up. An episode starts when i fails
 * while every other critical process is up; the processes are independent, so that happens at
 * rate ν_i Π_{j≠i} A_j (per second). The product is taken in logarithms: with many processes it
 * stays accurate.
 */
export function episodeRates(specs: readonly FailureProcess[]): number[] {
  const logA = specs.map((p) => {
    const f = mean(p.mttf);
    return Math.log(f / (f + mean(p.mttr)));
  });
  const total = logA.reduce((a, b) => a + b, 0);
  return specs.map((p, i) => Math.exp(total - logA[i]!) / (mean(p.mttf) + mean(p.mttr)));
}
