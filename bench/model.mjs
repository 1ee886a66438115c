// The whole-model benchmark: `kubesim run` as a user runs it, whole processes, against SimPy 3's
// whole program for the same failure/repair model; then cluster-years per second of a 5-member,
// 3-datacenter cluster with every role failing, at 100, 1,000 and 5,000 workers, with peak memory.
// Beside each, the kernel alone on the same failures with no model: the most the model could reach.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatRate, loadWarning } from './lib.mjs';
import { runReplication } from '../dist/model/Replication.js';
import { buildTopology } from '../dist/model/Topology.js';
import { parseScenario } from '../dist/scenario/parseScenario.js';
import { RandomStreams, Simulation, parseDuration } from '../dist/kernel/index.js';
import { buildProcesses, startProcesses } from '../dist/model/FailureProcesses.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const MAIN = join(ROOT, 'dist/cli/main.js');
const PEAK = new URL('./_peakMemory.mjs', import.meta.url).href;
const REFERENCE = join(ROOT, 'bench/scenarios/quorum-reference.yaml');
const CLUSTER = join(ROOT, 'bench/scenarios/five-member-three-dcs.yaml');
const PYTHON = process.env.KUBESIM_BENCH_PYTHON ?? '/usr/bin/python3';
const SIMPY_SCRIPT = join(ROOT, 'bench/simpy_reference.py');
const KERNEL_ONLY = join(ROOT, 'bench/quorumKernel.mjs');
/** The reference run: 40 replications of 5,000 years (about 10 M failures and repairs). */
const REPLICATIONS = 40;
const YEARS = 5000;
/** Whole processes of each side, interleaved; the best of each is compared. */
const ROUNDS = 3;
/** Runs of each cluster timing; the least CPU is kept. */
const CLUSTER_ROUNDS = 3;
/** Worker counts, and a horizon for each that runs several seconds. */
const SIZES = [
  { workers: 100, years: 1000 },
  { workers: 1000, years: 100 },
  { workers: 5000, years: 20 },
];

export async function modelBench({ log }) {
  const warning = loadWarning();
  if (warning) log(warning);
  reference(log);
  clusterYears(log);
  return {};
}

function reference(log) {
  log(`reference: 3 etcd members, exponential MTTF 1000 h, MTTR 10 h, ${REPLICATIONS} replications x ${YEARS} years, one thread`);
  log(`  kubesim run ${relative(REFERENCE)} --jobs 1 --no-report --json    vs    SimPy 3 ${relative(SIMPY_SCRIPT)} --whole`);
  log(`  and the kernel alone on SimPy's program (${relative(KERNEL_ONLY)}: failures, repairs and the quorum's downtime, no Raft): the most the model could reach`);
  const ks = [];
  const ko = [];
  const py = [];
  let simpyError;
  for (let r = 0; r < ROUNDS; r++) {
    ks.push(timed(process.execPath, ['--import', PEAK, MAIN, 'run', REFERENCE, '--jobs', '1', '--no-report', '--json']));
    ko.push(timed(process.execPath, ['--import', PEAK, KERNEL_ONLY, String(REPLICATIONS), String(YEARS)]));
    if (simpyError) continue;
    const p = timed(PYTHON, [SIMPY_SCRIPT, '--whole', String(REPLICATIONS), String(YEARS)], { python: true });
    if (p.error) {
      simpyError = p.error;
      log(`  SimPy: not measured (${p.error}); no ratio`);
      py.length = 0;
    } else py.push(p);
  }
  const k = best(ks);
  const summary = JSON.parse(k.stdout);
  const quorum = summary.clusters.ref.signals.etcdQuorum.availability;
  log(`  kubesim: ${k.seconds.toFixed(2)} s wall, ${k.cpu.toFixed(2)} s CPU (best of ${ks.length}), peak ${mib(k.peakKb)} MiB; etcdQuorum ${quorum.mean.toFixed(6)} [${quorum.ci95.map((x) => x.toFixed(6)).join(', ')}]`);
  const o = best(ko);
  const bare = JSON.parse(o.stdout);
  log(`  kernel alone: ${o.seconds.toFixed(2)} s wall, ${o.cpu.toFixed(2)} s CPU (best of ${ko.length}), ${formatRate(bare.events)} failures and repairs; quorum ${bare.quorumAvailability.toFixed(6)}`);
  const a = (1000 / 1010) ** 2 * (3 - 2 * (1000 / 1010));
  log(`  exact two-of-three availability: ${a.toFixed(6)}`);
  if (py.length === 0) return;
  const p = best(py);
  const out = JSON.parse(p.stdout);
  log(`  SimPy ${out.simpy}: ${p.seconds.toFixed(2)} s wall, ${p.cpu.toFixed(2)} s CPU (best of ${py.length}), ${formatRate(out.events)} failures and repairs; quorum ${out.quorumAvailability.toFixed(6)}`);
  log(`  ratio kubesim/SimPy, whole processes: ${(p.seconds / k.seconds).toFixed(2)}x by wall clock, ${(p.cpu / k.cpu).toFixed(2)}x by CPU time (target 10x, goal 30x)`);
  log(`  ratio kernel alone/SimPy, the ceiling: ${(p.seconds / o.seconds).toFixed(2)}x by wall clock, ${(p.cpu / o.cpu).toFixed(2)}x by CPU time`);
}

function clusterYears(log) {
  log('');
  log(`cluster-years per second: ${relative(CLUSTER)} (5 stacked members, 3 datacenters, every role failing), one thread, one replication`);
  log(`  cluster-years/s: whole process by CPU time; marginal: the last 3/4 of the horizon, start-up and world building left out (least CPU of ${CLUSTER_ROUNDS} runs each)`);
  log('  events: of the replication (counted in this process); events/s: marginal, comparable with the kernel\'s events/s above');
  log('  failures alone: the kernel drawing the same failures and repairs with no model (in this process, least CPU of 3): the most the model could reach');
  log('  workers   horizon   wall s   CPU s   cluster-years/s   marginal      events   events/s   failures alone (events)   peak MiB (1/4 of the horizon, whole)');
  const tmp = mkdtempSync(join(tmpdir(), 'kubesim-bench-model-'));
  try {
    const text = readFileSync(CLUSTER, 'utf8');
    for (const { workers, years } of SIZES) {
      const file = join(tmp, `cluster-${workers}.yaml`);
      const changed = text.replace(/workers: \{ nodes: \d+ \}/, `workers: { nodes: ${workers} }`);
      if (changed === text && workers !== 100) throw new Error(`${CLUSTER}: no 'workers: { nodes: N }' to set`);
      writeFileSync(file, changed);
      const once = (y) => timed(process.execPath, ['--import', PEAK, MAIN, 'run', file, '--jobs', '1', '--no-report', '--json', '--replications', '1', '--horizon', `${y}y`]);
      // The marginal rate is a difference of two timings: each is the least CPU of a few runs,
      // so that one run slowed by the machine's load does not make it up.
      const run = (y) => bestBy('cpu', Array.from({ length: CLUSTER_ROUNDS }, () => once(y)));
      const quarter = run(years / 4);
      const whole = run(years);
      const marginal = (0.75 * years) / (whole.cpu - quarter.cpu);
      const events = eventsOf(changed, years);
      const eventRate = (events - eventsOf(changed, years / 4)) / (whole.cpu - quarter.cpu);
      const alone = failuresAlone(changed, years);
      const ceiling = `${alone.rate.toFixed(1)} (${formatRate(alone.events)})`;
      log(
        `  ${String(workers).padStart(7)}   ${`${years} y`.padStart(7)}   ${whole.seconds.toFixed(2).padStart(6)}   ${whole.cpu.toFixed(2).padStart(5)}   ` +
          `${(years / whole.cpu).toFixed(1).padStart(15)}   ${marginal.toFixed(1).padStart(8)}   ${formatRate(events).padStart(9)}   ${formatRate(eventRate).padStart(8)}   ` +
          `${ceiling.padStart(23)}   ${mib(quarter.peakKb).padStart(4)} / ${mib(whole.peakKb)}`,
      );
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Events replication 0 of the scenario (YAML text) processes over `years`: the run the timed process makes, its horizon set as --horizon sets it. */
function eventsOf(text, years) {
  const s = scenarioOver(text, years);
  return runReplication(s, buildTopology(s), 0).events;
}

/** The scenario (YAML text) with its horizon set to `years`, as --horizon sets it. */
function scenarioOver(text, years) {
  return { ...parseScenario(text, CLUSTER), horizon: parseDuration(`${years}y`) };
}

/**
 * The scenario's random failure processes (the same streams, the same draws as replication 0)
 * run by the kernel with nothing listening: cluster-years per second by CPU time, least of 3,
 * the world building left out. No model that draws these failures can be faster.
 */
function failuresAlone(text, years) {
  const s = scenarioOver(text, years);
  const topology = buildTopology(s);
  let best = { rate: 0, events: 0 };
  for (let i = 0; i < 3; i++) {
    const sim = new Simulation();
    startProcesses(sim, buildProcesses(s, topology, new RandomStreams(s.seed), 'r0/'), () => {});
    const cpu0 = process.cpuUsage();
    sim.run(s.horizon);
    const used = process.cpuUsage(cpu0);
    const rate = years / ((used.user + used.system) / 1e6);
    if (rate > best.rate) best = { rate, events: sim.eventsProcessed };
  }
  return best;
}

/** Runs a whole process; its wall time, its CPU time and (node) its peak memory. */
function timed(command, args, { python = false } = {}) {
  const peakFile = join(tmpdir(), `kubesim-bench-peak-${process.pid}.json`);
  const start = process.hrtime.bigint();
  const r = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, KUBESIM_PEAK_MEMORY_FILE: peakFile, NO_COLOR: '1' }, maxBuffer: 1 << 26 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.error) return { error: `cannot run ${command}: ${r.error.message}` };
  if (r.status !== 0) {
    const last = (r.stdout.trim().split('\n').pop() ?? '') + r.stderr.trim().split('\n').pop();
    if (python) return { error: `${command} exited ${r.status}: ${last}` };
    throw new Error(`${command} ${args.join(' ')} failed: ${r.stderr}`);
  }
  // CPU time as each process counts its own: SimPy prints it, node writes it on exit (_peakMemory).
  if (python) return { seconds, cpu: JSON.parse(r.stdout.trim().split('\n').pop()).cpuSeconds, peakKb: NaN, stdout: r.stdout };
  const peak = JSON.parse(readFileSync(peakFile, 'utf8'));
  rmSync(peakFile, { force: true });
  return { seconds, cpu: peak.cpuMicros / 1e6, peakKb: peak.maxRssKb, stdout: r.stdout };
}

function best(runs) {
  return bestBy('seconds', runs);
}

function bestBy(key, runs) {
  return runs.reduce((a, b) => (b[key] < a[key] ? b : a));
}

function mib(kb) {
  return String(Math.round(kb / 1024));
}

function relative(path) {
  return path.startsWith(ROOT) ? path.slice(ROOT.length) : path;
}
