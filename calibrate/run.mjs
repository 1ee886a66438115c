// `npm run calibrate` (builds first) or `node calibrate/run.mjs [flags]`: kubesim's etcd election dynamics beside a real etcd 3.4 on this machine (docs/calibration.md).
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, release } from 'node:os';
import { EtcdCluster, TIMINGS, ensureEtcd, etcdVersion } from './EtcdCluster.mjs';
import { CASES, FlagError, parseFlags } from './flags.mjs';
import { GAP_COLUMNS, RESULT_COLUMNS, parseCsv, toCsv } from './csv.mjs';
import { kubesimGaps } from './kubesimSide.mjs';
import { runRound } from './realRounds.mjs';
import { summarize } from './stats.mjs';
import { WriteLoad } from './WriteLoad.mjs';

let plan;
try {
  plan = parseFlags(process.argv.slice(2));
} catch (e) {
  if (!(e instanceof FlagError)) throw e;
  console.error(e.message);
  process.exit(2);
}

// Every cluster started is shut down (its processes killed by pid, its folder removed) on any
// way out: the end, an error, Ctrl-C or SIGTERM.
const clusters = new Set();
const shutdownAll = () => {
  for (const c of clusters) c.shutdown();
  clusters.clear();
};
process.on('exit', shutdownAll);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    console.error(`\ncalibrate: ${sig}: stopping every etcd started and removing its data`);
    shutdownAll();
    process.exit(130);
  });
}

const date = new Date().toISOString();
const machine = `${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cpus().length} cores, Linux ${release()}`;
const kubesimVersion = (() => {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
  try {
    return `${pkg} (${execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim()})`;
  } catch {
    return pkg;
  }
})();
const common = (version) => ({
  etcd_version: version, kubesim_version: kubesimVersion, date, machine,
  pre_vote: TIMINGS.preVote, heartbeat_ms: TIMINGS.heartbeatMs, election_timeout_ms: TIMINGS.electionMs,
});
const statsRow = (source, members, caseName, s, version) => ({
  source, members, case: caseName, rounds: s.rounds, median_s: s.median, p90_s: s.p90, max_s: s.max, share_over_2s: s.shareOver2s, ...common(version),
});

const deadline = Date.now() + plan.maxMinutes * 60_000;
const resultRows = [];
// With --append, the rounds already measured come first and this run's continue their numbering.
const gapRows = plan.append && existsSync(plan.gapsOut) ? parseCsv(readFileSync(plan.gapsOut, 'utf8')).rows : [];
const earlierRounds = (n, name) => gapRows.filter((r) => Number(r.members) === n && r.case === name).length;
let version = 'unknown';

/** The etcd rows of every size and case the rounds hold, computed from all of them (--append). */
function etcdRowsFrom(rows, etcdVersion) {
  const out = [];
  for (const n of [...new Set(rows.map((r) => Number(r.members)))].sort((a, b) => a - b)) {
    for (const name of CASES) {
      const gaps = rows.filter((r) => Number(r.members) === n && r.case === name).map((r) => (String(r.censored) === 'true' ? NaN : Number(r.gap_s)));
      if (gaps.length > 0) out.push(statsRow('etcd', n, name, summarize(gaps), etcdVersion));
    }
  }
  return out;
}

if (plan.skipEtcd && plan.append) {
  // No new rounds: the etcd rows recomputed from every committed round, the etcd version kept.
  const earlier = existsSync(plan.out) ? parseCsv(readFileSync(plan.out, 'utf8')).rows.find((r) => r.source === 'etcd') : undefined;
  version = earlier?.etcd_version ?? version;
  resultRows.push(...etcdRowsFrom(gapRows, version));
} else if (plan.skipEtcd) {
  // Keep the real measurement on file and recompute only kubesim's side (after a model change).
  if (!existsSync(plan.out)) {
    console.error(`calibrate: --skip-etcd reuses the etcd rows of ${plan.out}, which does not exist`);
    process.exit(2);
  }
  resultRows.push(...parseCsv(readFileSync(plan.out, 'utf8')).rows.filter((r) => r.source === 'etcd'));
  version = resultRows[0]?.etcd_version ?? version;
} else {
  ensureEtcd();
  version = etcdVersion();
  console.log(`etcd ${version} on ${machine}; heartbeat ${TIMINGS.heartbeatMs} ms, election timeout ${TIMINGS.electionMs} ms, pre-vote ${TIMINGS.preVote}; cap ${plan.maxMinutes} min`);
  outer: for (const n of plan.members) {
    const cluster = new EtcdCluster(n);
    clusters.add(cluster);
    try {
      await cluster.start();
      const load = new WriteLoad(cluster);
      load.start();
      for (const { name, rounds } of plan.cases) {
        // With --append, the statistics cover every round measured so far, earlier runs' too.
        const gaps = gapRows.filter((r) => Number(r.members) === n && r.case === name).map((r) => (String(r.censored) === 'true' ? NaN : Number(r.gap_s)));
        const first = earlierRounds(n, name) + 1;
        for (let round = first; round < first + rounds; round++) {
          if (Date.now() > deadline) {
            console.log(`  time cap of ${plan.maxMinutes} min reached: ${name} n=${n} stops after ${round - first} rounds`);
            break;
          }
          const r = await runRound(cluster, load, name);
          gaps.push(r.censored ? NaN : r.gap);
          gapRows.push({
            members: n, case: name, round, gap_s: r.gap, censored: r.censored, term_before: r.termBefore, term_after: r.termAfter,
            leader_changed: r.leaderChanged, latency_ms: r.latencyMs, in_flight_faulted: r.inFlightFaulted, in_flight_others: r.inFlightOthers,
            get during() {
              return r.describeDuring();
            },
          });
          writeFileSync(plan.gapsOut, toCsv(GAP_COLUMNS, gapRows)); // after each round: a cut-short run keeps what it measured
          console.log(`  n=${n} ${name} #${round}: gap ${r.gap.toFixed(3)} s, term ${r.termBefore}->${r.termAfter}${r.censored ? ' (censored)' : ''}`);
        }
        if (gaps.length > 0) resultRows.push(statsRow('etcd', n, name, summarize(gaps), version));
      }
      load.stop();
      // Let the last requests settle (each has its own timeout) so that every round's outcomes are final.
      while (load.pending() > 0) await new Promise((resolve) => setTimeout(resolve, 100));
      writeFileSync(plan.gapsOut, toCsv(GAP_COLUMNS, gapRows));
    } finally {
      cluster.shutdown();
      clusters.delete(cluster);
    }
    if (Date.now() > deadline) break outer;
  }
  writeFileSync(plan.gapsOut, toCsv(GAP_COLUMNS, gapRows));
  if (plan.append) resultRows.splice(0, resultRows.length, ...etcdRowsFrom(gapRows, version));
}

for (const n of plan.members) {
  for (const { name } of plan.cases) {
    let k;
    try {
      k = await kubesimGaps(name, n, plan.replications);
    } catch (e) {
      console.error(`calibrate: kubesim's side of ${name} (n=${n}) failed: ${String(e.message).split('\n')[0]}`);
      process.exitCode = 1;
      continue;
    }
    if (k.multiOutage > 0) console.log(`  kubesim ${name} n=${n}: ${k.multiOutage} of ${plan.replications} replications had more than one apiWrite outage (the gap is the longest)`);
    resultRows.push(statsRow('kubesim', n, name, summarize(k.gaps), version));
  }
}
writeFileSync(plan.out, toCsv(RESULT_COLUMNS, resultRows));

// Side by side: per size and case, the real etcd's row and kubesim's.
const f = (x) => (x === undefined || x === '' || !Number.isFinite(Number(x)) ? '—' : Number(x).toFixed(2));
const pct = (x) => (x === undefined || x === '' || !Number.isFinite(Number(x)) ? '—' : `${(Number(x) * 100).toFixed(0)}%`);
console.log(`\nwrite gap (s)           | etcd ${version}: median   p90   max  >2s rounds | kubesim: median   p90   max  >2s   reps`);
for (const n of plan.members) {
  for (const { name } of plan.cases) {
    const e = resultRows.find((r) => r.source === 'etcd' && Number(r.members) === n && r.case === name);
    const k = resultRows.find((r) => r.source === 'kubesim' && Number(r.members) === n && r.case === name);
    const side = (r, w) => `${f(r?.median_s).padStart(w)} ${f(r?.p90_s).padStart(5)} ${f(r?.max_s).padStart(5)} ${pct(r?.share_over_2s).padStart(4)} ${String(r?.rounds ?? '—').padStart(6)}`;
    console.log(`n=${n} ${name.padEnd(17)} | ${side(e, 19)} | ${side(k, 15)}`);
  }
}
console.log(`\nwrote ${plan.out}${plan.skipEtcd ? '' : ` and ${plan.gapsOut}`}`);
process.exit(0);
