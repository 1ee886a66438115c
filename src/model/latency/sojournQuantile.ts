/** Quantiles of a fixed delay (drawn from a few equally likely values) plus an M/M/1 queue's time in system. */

/**
 * The p-quantile of T = D + W, where D is one of `delays` (each equally likely) and W is the time
 * in system of an M/M/1 queue with arrival rate `lambda` and service rate `mu`: exponential with
 * rate mu - lambda (a textbook result, e.g. Kleinrock, "Queueing Systems", vol. 1, 3.2). Needs
 * lambda < mu; the caller decides what saturation means.
 *
 * P(T > t) = mean over d of min(1, exp(-(mu - lambda)(t - d))) decreases in t, so bisection on
 * [min d, max d + ln(1/(1-p))/(mu - lambda)] finds the quantile to within 1e-12 s.
 */
export function sojournQuantile(delays: readonly number[], lambda: number, mu: number, p: number): number {
  if (!(lambda < mu) || delays.length === 0 || !(p > 0 && p < 1)) {
    throw new Error(`sojournQuantile: needs lambda < mu, at least one delay and 0 < p < 1, got lambda ${lambda}, mu ${mu}, ${delays.length} delays, p ${p}`);
  }
  const rate = mu - lambda;
  const tail = (t: number): number => {
    let sum = 0;
    for (const d of delays) sum += t <= d ? 1 : Math.exp(-rate * (t - d));
    return sum / delays.length;
  };
  let lo = Math.min(...delays);
  let hi = Math.max(...delays) + Math.log(1 / (1 - p)) / rate;
  for (let i = 0; i < 200 && hi - lo > 1e-12; i++) {
    const mid = (lo + hi) / 2;
    if (tail(mid) > 1 - p) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** The mean of D + W: the mean delay plus the M/M/1 time in system, 1 / (mu - lambda). */
export function sojournMean(delays: readonly number[], lambda: number, mu: number): number {
  const mean = delays.reduce((a, b) => a + b, 0) / delays.length;
  return mean + 1 / (mu - lambda);
}
