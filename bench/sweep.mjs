// The capacity-planning benchmark: a 5 x 4 sweep of scenarios/etcd-sizing.yaml through the real
// CLI, with --jobs 1 and --jobs 2: wall time, speed-up, peak memory, and that both agree.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const MAIN = join(ROOT, 'dist/cli/main.js');
const PEAK = new URL('./_peakMemory.mjs', import.meta.url).href;

/** The figure: 100 replications per point; KUBESIM_BENCH_SWEEP_REPLICATIONS lowers it (with a note). */
const REPLICATIONS = Number(process.env.KUBESIM_BENCH_SWEEP_REPLICATIONS ?? 100);

const GRID = ['--set', 'etcd.members=1,3,5,7,9', '--set', 'workers.nodes=100,500,1000,5000'];

export async function sweepBench({ log }) {
  if (!Number.isInteger(REPLICATIONS) || REPLICATIONS < 1) throw new Error(`KUBESIM_BENCH_SWEEP_REPLICATIONS must be a whole number >= 1, found ${REPLICATIONS}`);
  if (REPLICATIONS !== 100) log(`NOTE: ${REPLICATIONS} replications per point, not the 100 of the reference figure (KUBESIM_BENCH_SWEEP_REPLICATIONS)`);
  const points = 5 * 4;
  log(`scenarios/etcd-sizing.yaml, members 1,3,5,7,9 x workers 100,500,1000,5000 = ${points} points x ${REPLICATIONS} replications x 1y; ${cpus().length} cores`);
  const before = loadavg().map((x) => x.toFixed(2)).join(' ');
  const tmp = mkdtempSync(join(tmpdir(), 'kubesim-bench-sweep-'));
  try {
    const runs = [];
    for (const jobs of [1, 2]) {
      const r = run(jobs, join(tmp, `peak-${jobs}`));
      runs.push(r);
      log(
        `--jobs ${jobs}: ${r.seconds.toFixed(1)} s wall, ${r.cpuSeconds.toFixed(1)} s CPU, ${((points * REPLICATIONS) / r.seconds).toFixed(1)} replications/s, peak memory ${(r.peakKb / 1024).toFixed(0)} MiB`,
      );
    }
    const [one, two] = runs;
    log(`speed-up with 2 jobs: ${(one.seconds / two.seconds).toFixed(2)}x`);
    log(`summaries identical: ${one.stdout === two.stdout ? 'yes' : 'NO'}`);
    log(`load average before / after: ${before} / ${loadavg().map((x) => x.toFixed(2)).join(' ')} (other work on the machine slows the threads)`);
    return { replications: REPLICATIONS, runs: runs.map(({ jobs, seconds, cpuSeconds, peakKb }) => ({ jobs, seconds, cpuSeconds, peakKb })) };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** One sweep in a child process (wall time includes its start-up); peak RSS covers the worker threads, which share the process. */
function run(jobs, peakFile) {
  const args = ['--import', PEAK, MAIN, 'sweep', 'scenarios/etcd-sizing.yaml', ...GRID, '--replications', String(REPLICATIONS), '--horizon', '1y', '--jobs', String(jobs), '--json'];
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, KUBESIM_PEAK_MEMORY_FILE: peakFile } });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`sweep --jobs ${jobs} failed (exit ${r.status}): ${r.stderr}`);
  const usage = JSON.parse(readFileSync(peakFile, 'utf8'));
  return { jobs, seconds, stdout: r.stdout, peakKb: usage.maxRssKb, cpuSeconds: usage.cpuMicros / 1e6 };
}
