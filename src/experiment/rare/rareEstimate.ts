/** The rare-event estimate from episode digests: per covered signal, unavailability with its CI, outage rate and mean outage length. */
import { YEAR } from '../../kernel/index.js';
import type { Scenario } from '../../scenario/Scenario.js';
import { meanAndHalfWidth } from '../statistics.js';
import { DOMINANT_OUTAGES } from '../trust.js';
import type { Estimate } from '../Summary.js';
import type { EpisodeDigest } from './EpisodeDigest.js';
import { rareEventSupport } from './rareEventSupport.js';

export interface RareSignalEstimate {
  readonly cluster: string;
  readonly signal: string;
  /** Long-run fraction of time down, Û, with the half-width of its 95% CI (NaN with fewer than 2 episodes). */
  readonly unavailability: number;
  readonly halfWidth: number;
  /** halfWidth / Û: Infinity while no episode reached an outage. */
  readonly relativeHalfWidth: number;
  /** 1 - Û with the CI, clamped to [0, 1]; ci95 null with fewer than 2 episodes. */
  readonly availability: Estimate;
  readonly downtimeSecondsPerYear: number;
  readonly outagesPerYear: number;
  /** Downtime / outages, from the two estimates; null while no outage was reached. */
  readonly meanOutageSeconds: number | null;
  /** Episodes with downtime of this signal. */
  readonly hits: number;
  /** Share of Σ Y held by the 3 largest Y_k: near 1 means a few episodes make the estimate (heavy tail). */
  readonly topShare: number;
}

export interface RareEstimate {
  readonly episodes: number;
  readonly signals: readonly RareSignalEstimate[];
}

/**
 * Episode k started by process i with likelihood ratio L_k and downtime D_k gives
 * Y_k = (r_i / q_i) L_k D_k, an unbiased estimate of the unavailability U = Σ_i r_i E_i[D]
 * (q_i = 1/N, the uniform choice of initiator); Û is the mean of the Y_k and its CI the Student t
 * interval from their sample variance. Outages per second come the same way from the outage
 * counts. A pure function of the scenario and the digests, taken in episode order: threads,
 * batches and shards give the same numbers.
 */
export function rareEstimate(s: Scenario, digests: readonly EpisodeDigest[]): RareEstimate {
  const support = rareEventSupport(s);
  if (!support.ok) throw new Error(`rareEstimate: ${support.reason}`);
  const ordered = [...digests].sort((a, b) => a.episode - b.episode);
  const n = ordered.length;
  const weight = ordered.map((d) => support.rates[d.initiator]! * support.rates.length * Math.exp(d.logLikelihoodRatio));
  const signals = support.setup.signals.map(({ cluster, signal }, j) => {
    const ys = ordered.map((d, k) => weight[k]! * d.downSeconds[j]!);
    const down = meanAndHalfWidth(ys);
    const rate = meanAndHalfWidth(ordered.map((d, k) => weight[k]! * d.outages[j]!));
    const hits = ordered.reduce((a, d) => a + (d.downSeconds[j]! > 0 ? 1 : 0), 0);
    const u = down.mean;
    const h = down.halfWidth;
    return {
      cluster,
      signal,
      unavailability: u,
      halfWidth: h,
      relativeHalfWidth: u > 0 ? h / u : Infinity,
      availability: {
        mean: clamp01(1 - u),
        ci95: Number.isFinite(h) ? ([clamp01(1 - u - h), clamp01(1 - u + h)] as const) : null,
      },
      downtimeSecondsPerYear: u * YEAR,
      outagesPerYear: rate.mean * YEAR,
      meanOutageSeconds: rate.mean > 0 ? u / rate.mean : null,
      hits,
      topShare: topShare(ys),
    };
  });
  return { episodes: n, signals };
}

function topShare(ys: readonly number[]): number {
  const total = ys.reduce((a, b) => a + b, 0);
  if (!(total > 0)) return 0;
  const top = [...ys].sort((a, b) => b - a).slice(0, DOMINANT_OUTAGES);
  return top.reduce((a, b) => a + b, 0) / total;
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}
