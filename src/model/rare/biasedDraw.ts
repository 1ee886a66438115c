/** The likelihood ratio of one biased time-to-failure draw of a rare-event episode. */
import {
  density,
  equilibriumDensity,
  equilibriumSurvival,
  hasDensity,
  sample,
  sampleEquilibrium,
  survival,
  type Distribution,
  type RandomStream,
  type SimTime,
} from '../../kernel/index.js';

/**
 * A draw is either the residual life of a process that was up when the episode began (true
 * density h = F̄/E[X], the equilibrium one) or a fresh time to failure after a repair (h = f). The
 * biased draw is the defensive mixture of h, with weight 1 - p, and an accelerated exponential
 * clock, with weight p, whose rate γ(t) may change along the episode (it grows with the number
 * of processes down: see episodeBias). With Γ(x) = ∫_0^x γ, its density and survival are
 *   g(x) = (1 - p) h(x) + p γ(x) e^{-Γ(x)},   Ḡ(c) = (1 - p) H̄(c) + p e^{-Γ(c)},
 * and every ratio h/g, H̄/Ḡ is below 1 / (1 - p) however long the episode lasts, where a pure
 * exponential twist gives a ratio e^{(β - λ)c} that grows with the episode's length c (with a
 * heavy-tailed repair, such as the lognormal, its variance is infinite: docs/rare-events.md).
 * A fresh draw of a distribution without a density (fixed) is not biased: its ratio is 1.
 */
export function biased(d: Distribution, residual: boolean): boolean {
  return residual || hasDensity(d);
}

/** A draw from the true distribution h: the defensive half of the mixture, and unbiased draws. */
export function drawTrue(d: Distribution, residual: boolean, rng: RandomStream): SimTime {
  return residual ? sampleEquilibrium(d, rng) : sample(d, rng);
}

/** ln(h(x) / g(x)) for a draw that fired x after it was drawn, with the clock's rate γ(x) and Γ(x) then. */
export function logRatioFired(d: Distribution, residual: boolean, weight: number, rate: number, integrated: number, x: SimTime): number {
  if (!biased(d, residual)) return 0;
  const h = residual ? equilibriumDensity(d, x) : density(d, x);
  if (!(h > 0)) return -Infinity;
  // h / g = 1 / ((1 - p) + p γ e^{-Γ} / h), the exponent kept apart so that nothing overflows.
  const boost = Math.exp(Math.log(weight * rate) - integrated - Math.log(h));
  return -Math.log(1 - weight + boost);
}

/** ln(H̄(c) / Ḡ(c)) for a draw still pending when the episode ended, c after it was drawn, with Γ(c). */
export function logRatioCensored(d: Distribution, residual: boolean, weight: number, integrated: number, c: SimTime): number {
  if (!biased(d, residual)) return 0;
  const hBar = residual ? equilibriumSurvival(d, c) : survival(d, c);
  if (!(hBar > 0)) return -Infinity;
  const boost = Math.exp(Math.log(weight) - integrated - Math.log(hBar));
  return -Math.log(1 - weight + boost);
}

/**
 * A repair time: with weight p the true draw stretched by `stretch` (density r(y/s)/s), else the
 * true draw. Stretching the repairs of the processes already down is what balanced failure
 * biasing does in a Markov chain (it halves their rate so that failures and repairs compete
 * evenly); without it the long repairs that carry most of a deep quorum loss are met only at their
 * true, small, probability. Ratio r(y) / ((1 - p) r(y) + p r(y/s)/s), below 1 / (1 - p). A
 * distribution without a density (fixed), or stretch 1, is not biased.
 */
export function drawRepair(d: Distribution, weight: number, stretch: number, rng: RandomStream): SimTime {
  if (stretch === 1 || !hasDensity(d)) return sample(d, rng);
  const stretched = rng.next() < weight;
  const y = sample(d, rng);
  return stretched ? y * stretch : y;
}

/** ln(r(y) / g(y)) for a repair drawn by drawRepair. */
export function logRatioRepair(d: Distribution, weight: number, stretch: number, y: SimTime): number {
  if (stretch === 1 || !hasDensity(d)) return 0;
  const r = density(d, y);
  const rs = density(d, y / stretch) / stretch;
  if (!(r > 0)) return -Infinity;
  return -Math.log(1 - weight + (weight * rs) / r);
}
