// Coverage of the 95% CI on availability (docs/statistics.md): how often it holds the exact value, over many seeds.
// Usage: npm run build --silent && node scripts/ciCoverage.mjs [seeds]   (about 5 minutes on one core at 200 seeds)
import { parseScenario } from '../dist/scenario/index.js';
import { analyzeScenario } from '../dist/analytic/index.js';
import { runDigests } from '../dist/experiment/runDigests.js';
import { aggregate } from '../dist/experiment/aggregate.js';
import { estimate } from '../dist/experiment/statistics.js';
import { poissonInterval95 } from '../dist/experiment/poissonInterval.js';

const SEEDS = Number(process.argv[2] ?? 200);

/** A scenario with `members` external etcd members that fail at random, nothing else failing. */
function scenario({ name, members, mttf, mttr, horizon, replications }) {
  return parseScenario(
    `apiVersion: kubesim/v1
kind: Scenario
metadata: { name: ${name} }
spec:
  horizon: ${horizon}
  replications: ${replications}
  seed: 1
  datacenters: [{ name: dc-1 }]
  failures: { etcd: { mttf: ${mttf}, mttr: ${mttr} } }
  clusters:
    - { name: prod, model: multi-master, datacenters: [dc-1], controlPlane: { nodes: 3 }, etcd: { members: ${members}, topology: external }, workers: { nodes: 0 } }
`,
    `${name}.yaml`,
  );
}

const CASES = [
  // The case: 5 members, exact unavailability 5.6e-6, about 25 quorum losses in 1,000 years.
  { name: 'five-rare', members: 5, mttf: '30d', mttr: '6h', horizon: '10y', replications: 100 },
  // The headline: 7 members, exact unavailability 1.6e-7, most runs see no quorum loss at all.
  { name: 'seven', members: 7, mttf: '30d', mttr: '6h', horizon: '10y', replications: 100 },
  // Fewer still: about 5 quorum losses per 200 years.
  { name: 'five-very-rare', members: 5, mttf: '30d', mttr: '6h', horizon: '2y', replications: 100 },
  // Three members: about 40 quorum losses in 20 years.
  { name: 'three-plenty', members: 3, mttf: '30d', mttr: '6h', horizon: '1y', replications: 20 },
  // Plentiful: a few hundred quorum losses, where the interval must stay tight.
  { name: 'three-many', members: 3, mttf: '10d', mttr: '6h', horizon: '1y', replications: 20 },
  // Three members, few replications of a long horizon.
  { name: 'three-few-reps', members: 3, mttf: '30d', mttr: '6h', horizon: '10y', replications: 5 },
];

const METHODS = {
  't (before)': (x) => estimate(x.values, 0, 1).ci95,
  't ∪ Garwood(count)': (x) => union(estimate(x.values, 0, 1).ci95, scaled(x, x.outages)),
  // What the summary says: t ∪ scaled Poisson, or the zero-outage bound (aggregate, as `kubesim run`).
  'summary (after)': (x) => x.summary.availability.ci95,
};

function scaled(x, n) {
  if (x.outages === 0) return [1, 1];
  const u = x.downSeconds / x.totalSeconds;
  const [lo, hi] = poissonInterval95(n);
  return [Math.max(0, 1 - (u * hi) / n), Math.min(1, 1 - (u * lo) / n)];
}
const union = (a, b) => [Math.min(a[0], b[0]), Math.max(a[1], b[1])];

for (const c of CASES) {
  const base = scenario(c);
  const r = analyzeScenario(base);
  const exact = r.clusters.prod.signals.etcdQuorum.availability;
  const held = Object.fromEntries(Object.keys(METHODS).map((m) => [m, 0]));
  const width = Object.fromEntries(Object.keys(METHODS).map((m) => [m, []]));
  let outagesSeen = 0;
  const t0 = Date.now();
  for (let seed = 1; seed <= SEEDS; seed++) {
    const s = { ...base, seed };
    const { digests } = runDigests(s, Array.from({ length: s.replications }, (_, i) => i));
    const sig = digests.map((d) => d.signals.find((g) => g.cluster === 'prod' && g.signal === 'etcdQuorum'));
    const summary = aggregate(s, digests, () => ({ currency: 'USD', perMonth: 0, byRole: {} })).clusters.prod.signals.etcdQuorum;
    const x = {
      summary,
      values: sig.map((g) => g.upSeconds / (g.upSeconds + g.downSeconds)),
      outages: sig.reduce((a, g) => a + g.outages, 0),
      downSeconds: sig.reduce((a, g) => a + g.downSeconds, 0),
      totalSeconds: sig.length * s.horizon,
      histograms: sig.map((g) => g.histogram),
    };
    outagesSeen += x.outages;
    for (const [m, f] of Object.entries(METHODS)) {
      const ci = f(x);
      if (ci && exact >= ci[0] - 1e-12 && exact <= ci[1] + 1e-12) held[m]++;
      if (ci) width[m].push((ci[1] - ci[0]) / (1 - exact));
    }
  }
  console.log(`\n${c.name}: ${c.members} members, mttf ${c.mttf}, mttr ${c.mttr}, ${c.replications} × ${c.horizon}; exact unavailability ${(1 - exact).toExponential(2)}; ${(outagesSeen / SEEDS).toFixed(1)} quorum losses per run on average; ${SEEDS} seeds in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  for (const m of Object.keys(METHODS)) {
    const w = width[m].sort((a, b) => a - b);
    console.log(`  ${m.padEnd(30)} held the exact value in ${String(held[m]).padStart(4)}/${SEEDS} = ${((100 * held[m]) / SEEDS).toFixed(1)}%; median width ${(w[Math.floor(w.length / 2)] ?? NaN).toFixed(2)} × the exact unavailability`);
  }
}
