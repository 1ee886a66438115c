// Writes the sample records of docs/fit.md (scenarios/fit/): outages drawn from known distributions
// with a fixed seed, so the files can be made again and the fits compared with the truth.
// Usage: npm run build && node scripts/fit-samples.mjs
import { writeFileSync } from 'node:fs';
import { createStream } from '../dist/kernel/index.js';
import { FAMILIES } from '../dist/fit/families/index.js';

const DAY = 86400;
// The seed of the samples (SEED=n to draw other ones).
const SEED = Number(process.env.SEED ?? 7);
const H = 3600;
const iso = (t) => new Date(Math.round(t) * 1000).toISOString().replace('.000Z', 'Z');

// The truth behind incidents.csv: a year of one production cluster.
const ROLES = [
  { prefix: 'prod/etcd-', count: 3, ttf: ['weibull', { shape: 0.8, scale: 55 * DAY }], ttr: ['lognormal', { median: 40 * 60, sigma: 0.9 }], causes: ['disk latency', 'member OOM', 'host reboot', 'network'] },
  { prefix: 'prod/cp-', count: 3, ttf: ['exponential', { mean: 40 * DAY }], ttr: ['lognormal', { median: 25 * 60, sigma: 0.7 }], causes: ['apiserver crash', 'certificate', 'host reboot'] },
  { prefix: 'prod/worker-', count: 12, ttf: ['weibull', { shape: 1.3, scale: 80 * DAY }], ttr: ['gamma', { shape: 2.5, scale: 1.2 * H }], causes: ['kernel panic', 'disk full', 'kubelet', 'hardware'] },
  { prefix: 'prod/lb', count: 1, ttf: ['exponential', { mean: 150 * DAY }], ttr: ['exponential', { mean: 20 * 60 }], causes: ['config push'] },
];
const START = Date.UTC(2025, 0, 1) / 1000;
const END = Date.UTC(2026, 0, 1) / 1000;

const rows = [];
for (const role of ROLES) {
  const rng = createStream(SEED, `samples/${role.prefix}`);
  for (let i = 1; i <= role.count; i++) {
    const name = role.count === 1 ? role.prefix : `${role.prefix}${i}`;
    // Each component has been up for a while when the window opens: start it a random time before.
    let t = START - FAMILIES[role.ttf[0]].sample(role.ttf[1], rng) * rng.next();
    for (;;) {
      t += FAMILIES[role.ttf[0]].sample(role.ttf[1], rng);
      if (t >= END) break;
      const end = t + FAMILIES[role.ttr[0]].sample(role.ttr[1], rng);
      const cause = role.causes[Math.floor(rng.next() * role.causes.length)];
      // The export was taken at END: an outage under way then has no end yet.
      if (t >= START) rows.push([name, iso(t), end >= END ? '' : iso(end), cause]);
      t = end;
    }
  }
}
rows.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[0] < b[0] ? -1 : 1));
writeFileSync('scenarios/fit/incidents.csv', ['component,start,end,cause', ...rows.map((r) => r.join(','))].join('\n') + '\n');

// The truth behind etcd-up.json: 30 days of up{job="etcd"} at a 10-minute step, a staging cluster.
const STEP = 600;
const P_START = Date.UTC(2025, 5, 1) / 1000;
const P_END = P_START + 30 * DAY;
const result = [];
for (let i = 1; i <= 3; i++) {
  const rng = createStream(7, `samples/prometheus/${i}`);
  const outages = [];
  let t = P_START - 2 * DAY * rng.next();
  for (;;) {
    t += FAMILIES.weibull.sample({ shape: 1.2, scale: 4 * DAY }, rng);
    if (t >= P_END) break;
    const end = t + FAMILIES.lognormal.sample({ median: H, sigma: 0.6 }, rng);
    outages.push([t, end]);
    t = end;
  }
  const values = [];
  for (let s = P_START; s <= P_END; s += STEP) values.push([s, outages.some(([a, b]) => s >= a && s < b) ? '0' : '1']);
  result.push({ metric: { __name__: 'up', job: 'etcd', instance: `10.0.0.${i}:2379` }, values });
}
writeFileSync('scenarios/fit/etcd-up.json', JSON.stringify({ status: 'success', data: { resultType: 'matrix', result } }) + '\n');
