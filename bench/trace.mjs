// Memory against the horizon: one replication of 5,000 workers failing hourly, run through the
// real CLI at 1, 4 and 16 days, with a report (a bounded trace) and with --no-report (no trace):
// peak memory should stay flat while the events grow with the horizon. Also the work estimate
// beside the events each run really processed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const MAIN = join(ROOT, 'dist/cli/main.js');
const PEAK = new URL('./_peakMemory.mjs', import.meta.url).href;
const HORIZONS = ['1d', '4d', '16d'];

const SCENARIO = `apiVersion: kubesim/v1
kind: Scenario
metadata: { name: busy-workers }
spec:
  horizon: 1d
  replications: 1
  seed: 1
  failures:
    worker: { mttf: 1h, mttr: 10m }
  clusters:
    - { name: prod, model: multi-master, workers: { nodes: 5000 } }
  faults:
    - { at: 2h, crash: prod/etcd-1, for: 20m }
`;

export async function traceBench({ log }) {
  const tmp = mkdtempSync(join(tmpdir(), 'kubesim-bench-trace-'));
  const { parseScenario } = await import(join(ROOT, 'dist/scenario/index.js'));
  const { estimateWork } = await import(join(ROOT, 'dist/experiment/workEstimate.js'));
  const { runReplication } = await import(join(ROOT, 'dist/model/Replication.js'));
  const { buildTopology } = await import(join(ROOT, 'dist/model/Topology.js'));
  try {
    const file = join(tmp, 'busy.yaml');
    writeFileSync(file, SCENARIO);
    log('5,000 workers, mttf 1h, mttr 10m, one replication; peak resident memory of the whole CLI run');
    log('horizon   events      estimate    --no-report         report (bounded trace)   timeline events kept / left out');
    for (const h of HORIZONS) {
      const base = parseScenario(SCENARIO, file);
      const s = { ...base, horizon: parseScenario(SCENARIO.replace('horizon: 1d', `horizon: ${h}`), file).horizon };
      const estimate = estimateWork([{ scenario: s, replications: 1 }], 1).events;
      const traced = runReplication(s, buildTopology(s), 0, { trace: true });
      const plain = cli(['run', file, '--horizon', h, '--no-report', '--json', '--jobs', '1'], join(tmp, `p-${h}`));
      const out = join(tmp, `report-${h}`);
      const report = cli(['run', file, '--horizon', h, '--out', out, '--jobs', '1'], join(tmp, `r-${h}`));
      const html = statSync(join(out, 'index.html')).size;
      log(
        `${h.padEnd(8)}  ${String(traced.events).padEnd(10)}  ${String(Math.round(estimate)).padEnd(10)}  ` +
          `${mib(plain.peakKb)} MiB ${plain.seconds.toFixed(1).padStart(5)} s    ` +
          `${mib(report.peakKb)} MiB ${report.seconds.toFixed(1).padStart(5)} s, page ${(html / 2 ** 20).toFixed(1)} MiB   ` +
          `${traced.trace.events.length} / ${traced.trace.omitted?.events ?? 0}`,
      );
    }
    return {};
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function cli(args, peakFile) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', PEAK, MAIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, KUBESIM_PEAK_MEMORY_FILE: peakFile, NO_COLOR: '1' },
    maxBuffer: 1 << 28,
  });
  if (r.status !== 0) throw new Error(`kubesim ${args.join(' ')} failed: ${r.stderr}`);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { seconds, peakKb: JSON.parse(readFileSync(peakFile, 'utf8')).maxRssKb };
}

function mib(kb) {
  return String(Math.round(kb / 1024)).padStart(4);
}
