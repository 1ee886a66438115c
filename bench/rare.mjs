// The rare-event benchmark (issue 10): importance sampling to ±10% at 95% on the etcdQuorum
// unavailability of three scenarios in bench/rare/, its time and episodes, the exact value where
// `kubesim analytic` has one, and naive Monte Carlo's projected time for the same precision.
import { fileURLToPath } from 'node:url';
import { cpus, loadavg } from 'node:os';
import { analyzeScenario } from '../dist/analytic/index.js';
import { runDigests } from '../dist/experiment/runDigests.js';
import { rareEstimate, rareEventSupport, runEpisodeBatch } from '../dist/experiment/rare/index.js';
import { loadScenario } from '../dist/scenario/parseScenario.js';

const CASES = [
  ['a', 'seven-external.yaml', '7 external members, mttf 30d / mttr 6h'],
  ['b', 'five-three-dcs.yaml', '5 members 2+2+1 over three datacenters, datacenter outages 1y / 4h'],
  ['c', 'weibull-lognormal.yaml', '5 members, Weibull(1.5) failures, lognormal(4h, 1.0) repairs'],
];
const TARGET = 0.1;
/** Episodes per batch: the stopping rule is checked between fixed batches (same result for any --jobs). */
const BATCH = Number(process.env.KUBESIM_BENCH_RARE_BATCH ?? 5000);
const MAX_EPISODES = 1_000_000;
const JOBS = Math.min(2, cpus().length);
const YEAR = 365 * 86400;
const SIGNAL = 'etcdQuorum';

export async function rareBench({ log }) {
  log(`target: relative 95% half-width <= ${TARGET * 100}% on ${SIGNAL} unavailability; batches of ${BATCH} episodes on ${JOBS} threads; load ${loadavg()[0].toFixed(1)}`);
  const out = [];
  for (const [id, file, what] of CASES) {
    const s = loadScenario(fileURLToPath(new URL(`./rare/${file}`, import.meta.url)));
    const support = rareEventSupport(s);
    if (!support.ok) throw new Error(`${file}: ${support.reason}`);
    const start = process.hrtime.bigint();
    const digests = [];
    let e;
    do {
      digests.push(...(await runEpisodeBatch(s, digests.length, BATCH, JOBS)));
      e = rareEstimate(s, digests).signals.find((x) => x.cluster === 'prod' && x.signal === SIGNAL);
    } while (!(e.relativeHalfWidth <= TARGET) && digests.length < MAX_EPISODES);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const exact = exactUnavailability(s);
    const naive = naiveProjection(s, support, digests, e);
    log(`(${id}) ${what} [bench/rare/${file}]`);
    log(`    ${digests.length} episodes in ${seconds.toFixed(1)} s: unavailability ${e.unavailability.toExponential(3)} ± ${(e.relativeHalfWidth * 100).toFixed(1)}% (95% CI ${(e.unavailability - e.halfWidth).toExponential(3)}-${(e.unavailability + e.halfWidth).toExponential(3)}), ${e.hits} episodes with an outage`);
    log(`    exact (analytic): ${exact === null ? 'none' : `${exact.toExponential(3)}, ${Math.abs(exact - e.unavailability) <= e.halfWidth ? 'inside' : 'OUTSIDE'} the CI`}`);
    log(`    naive Monte Carlo: ${naive.secondsPerYear.toFixed(3)} s per simulated year; ${naive.outagesPerYear.toExponential(2)} outages/y, cv ${naive.cv.toFixed(2)} -> ${naive.years.toExponential(2)} simulated years -> ${formatDuration(naive.years * naive.secondsPerYear / JOBS)} on ${JOBS} threads (${(naive.years * naive.secondsPerYear / JOBS / seconds).toExponential(1)}x longer)`);
    out.push({ id, file, episodes: digests.length, seconds, unavailability: e.unavailability, relativeHalfWidth: e.relativeHalfWidth, exact, naive });
  }
  log(`naive projection: years ≈ (1.96 / ${TARGET})² (1 + cv²) / outage rate, outage rate and cv of the outage length from the weighted episodes;`);
  log(`seconds per simulated year measured on 20 naive replications of the scenario's horizon in this thread, divided by the threads.`);
  return out;
}

function exactUnavailability(s) {
  const a = analyzeScenario(s);
  const c = a.ok ? a.clusters.prod : undefined;
  return c && c.ok ? c.signals[SIGNAL].unavailability : null;
}

/**
 * Naive Monte Carlo's cost for the same precision: the relative half-width of an outage-driven
 * estimate after n outages is about 1.96 sqrt((1 + cv²) / n), cv the outage length's coefficient
 * of variation, so n = (1.96 / P)² (1 + cv²) outages, i.e. n / rate simulated years. The rate and
 * cv come from the episodes (weighted: single-outage episodes give the length moments).
 */
function naiveProjection(s, support, digests, e) {
  const j = support.setup.signals.findIndex((x) => x.cluster === 'prod' && x.signal === SIGNAL);
  let w0 = 0;
  let w1 = 0;
  let w2 = 0;
  for (const d of digests) {
    if (d.outages[j] !== 1) continue;
    const w = support.rates[d.initiator] * support.rates.length * Math.exp(d.logLikelihoodRatio);
    const len = d.downSeconds[j];
    w0 += w;
    w1 += w * len;
    w2 += w * len * len;
  }
  const m1 = w1 / w0;
  const cv = Math.sqrt(Math.max(0, w2 / w0 / (m1 * m1) - 1));
  const outagesPerYear = e.outagesPerYear;
  const years = ((1.96 / TARGET) ** 2 * (1 + cv * cv)) / outagesPerYear;
  const reps = Array.from({ length: 20 }, (_, i) => i);
  const start = process.hrtime.bigint();
  runDigests(s, reps);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { secondsPerYear: seconds / ((reps.length * s.horizon) / YEAR), outagesPerYear, cv, years };
}

function formatDuration(seconds) {
  if (seconds < 120) return `${seconds.toFixed(0)} s`;
  if (seconds < 7200) return `${(seconds / 60).toFixed(0)} min`;
  if (seconds < 172800) return `${(seconds / 3600).toFixed(1)} h`;
  if (seconds < 2 * YEAR) return `${(seconds / 86400).toFixed(0)} days`;
  return `${(seconds / YEAR).toFixed(0)} years`;
}
