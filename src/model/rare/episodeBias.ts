/** The balanced failure biasing of an episode: the accelerated failure rate of each up process, given how many are down. */
import { mean } from '../../kernel/index.js';
import type { FailureProcess } from '../../scenario/Scenario.js';

export interface BiasOptions {
  /** p, the weight of the accelerated clock in every biased draw (default 1/2). */
  readonly weight?: number;
  /**
   * θ: the accelerated failure rate of all up processes together, p Σ γ, as a multiple of the
   * repair rate k / R of the k processes down (R the mean of the mean repair times). At 1 the
   * next event is a failure about as often as a repair (default 1).
   */
  readonly balance?: number;
  /** s: the factor by which a biased repair is stretched; 1 leaves repairs unbiased (default 2). */
  readonly stretch?: number;
}

export const DEFAULT_BIAS = { weight: 0.5, balance: 1, stretch: 2 } as const;

export interface EpisodeBias {
  readonly weight: number;
  /** θ / (p R): the per-process rate is base · down / up. */
  readonly base: number;
  /** Each process's own long-run failure rate 1 / E[mttf]: its accelerated rate never goes below it. */
  readonly floor: readonly number[];
  /** The repair stretch s (1: repairs unbiased). */
  readonly stretch: number;
}

/**
 * Balanced, as Shahabuddin's balanced failure biasing (1994): every up process gets the same
 * accelerated rate whatever its own, so a datacenter that fails once in years is pushed as hard
 * as a member that fails monthly, and together they fail about as fast as the processes down
 * are repaired. Any positive choice keeps the estimator unbiased; it only moves the variance.
 */
export function episodeBias(specs: readonly FailureProcess[], options: BiasOptions = {}): EpisodeBias {
  const weight = options.weight ?? DEFAULT_BIAS.weight;
  const balance = options.balance ?? DEFAULT_BIAS.balance;
  if (!(weight > 0 && weight < 1)) throw new RangeError(`episodeBias: weight must be in (0, 1), found ${weight}`);
  const stretch = options.stretch ?? DEFAULT_BIAS.stretch;
  if (!(balance > 0)) throw new RangeError(`episodeBias: balance must be positive, found ${balance}`);
  if (!(stretch >= 1)) throw new RangeError(`episodeBias: stretch must be at least 1, found ${stretch}`);
  const repair = specs.reduce((a, p) => a + mean(p.mttr), 0) / Math.max(1, specs.length);
  return { weight, base: balance / (weight * repair), floor: specs.map((p) => 1 / mean(p.mttf)), stretch };
}

/** The accelerated rate of process j while `down` of the `n` critical processes are down (at least one). */
export function biasedRate(bias: EpisodeBias, j: number, down: number, n: number): number {
  return Math.max(bias.floor[j]!, (bias.base * down) / Math.max(1, n - down));
}
