// The fuzzer's worker process: runs kubesim's CLI program in-process (built dist/) on cases sent
// over IPC, capturing stdout, stderr and the exit code as src/cli/entry.ts's report() maps them. The
// parent kills it when a case passes its time limit, so a hang costs one process, not the run.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const MAIN = join(DIST, 'cli/main.js');
const { buildProgram } = await import(join(DIST, 'cli/program.js'));
// The CLI's own error mapping: the exit code and the one-line messages a user sees.
const { report } = await import(join(DIST, 'cli/entry.js'));
const { EXIT_RUNTIME } = await import(join(DIST, 'cli/errors.js'));

/** Output kept per stream: enough to check, bounded so a runaway print cannot exhaust memory. */
const CAPTURE_LIMIT = 4 << 20;
const home = mkdtempSync(join(tmpdir(), 'kubesim-fuzz-'));
process.on('exit', () => rmSync(home, { recursive: true, force: true }));

// Chunks kept as they come and joined once: appending to one string and cutting it at every
// write copied up to CAPTURE_LIMIT per chunk, quadratic in a big output written line by line.
const streams = { out: { chunks: [], length: 0 }, err: { chunks: [], length: 0 } };
const capture = (which) => (chunk, encoding, cb) => {
  const kept = streams[which];
  const s = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
  if (kept.length < CAPTURE_LIMIT) kept.chunks.push(s);
  kept.length += s.length;
  const done = typeof encoding === 'function' ? encoding : cb;
  if (done) done();
  return true;
};
const captured = (which) => streams[which].chunks.join('').slice(0, CAPTURE_LIMIT);
const realOut = process.stdout.write.bind(process.stdout);
const realErr = process.stderr.write.bind(process.stderr);

async function inProcess(args, cwd) {
  for (const kept of Object.values(streams)) {
    kept.chunks = [];
    kept.length = 0;
  }
  process.exitCode = undefined;
  process.chdir(cwd);
  process.stdout.write = capture('out');
  process.stderr.write = capture('err');
  let code;
  let stack;
  try {
    await buildProgram().parseAsync(['node', 'kubesim', ...args]);
    code = typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    // report() writes to stderr, still captured here.
    code = report(e);
    // Not part of what a user sees, but what a bug report needs.
    if (code === EXIT_RUNTIME && e instanceof Error) stack = String(e.stack).split('\n').slice(0, 8).join('\n');
  } finally {
    process.stdout.write = realOut;
    process.stderr.write = realErr;
    process.exitCode = undefined;
  }
  // A cut stdout is no whole document: the oracle checks only its whole lines.
  return { code, stdout: captured('out'), stderr: captured('err'), stack, stdoutCut: streams.out.length > CAPTURE_LIMIT };
}

function viaCli(args, cwd, timeoutMs) {
  const r = spawnSync(process.execPath, [MAIN, ...args], {
    cwd,
    encoding: 'utf8',
    input: '',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: timeoutMs,
    maxBuffer: CAPTURE_LIMIT,
  });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', signal: r.signal ?? undefined };
}

/** Writes the case's files in a fresh folder, then runs its command (twice when it asks for a determinism check). */
async function runCase(c) {
  const cwd = join(home, `case-${c.id}`);
  mkdirSync(cwd, { recursive: true });
  try {
    for (const f of c.files) {
      if (f.kind === 'dir') mkdirSync(join(cwd, f.name), { recursive: true });
      else writeFileSync(join(cwd, f.name), f.content);
    }
    const start = Date.now();
    const run = () => (c.viaCli ? viaCli(c.args, cwd, c.timeoutMs) : inProcess(c.args, cwd));
    const first = await run();
    const ms = Date.now() - start;
    const second = c.repeat && first.code === 0 ? await run() : undefined;
    return { ...first, ms, repeatStdout: second?.stdout, repeatCode: second?.code };
  } finally {
    process.chdir(home);
    rmSync(cwd, { recursive: true, force: true });
  }
}

// An error escaping a case (a timer or a worker thread throwing later) is that case's crash.
let current;
const escaped = (e) => {
  if (current === undefined) return;
  const id = current;
  current = undefined;
  process.send({ id, result: { code: 1, stdout: captured('out'), stderr: `${captured('err')}kubesim: run failed: escaped ${e?.message ?? e}\n`, ms: 0, stack: String(e?.stack ?? e) } });
};
process.on('uncaughtException', escaped);
process.on('unhandledRejection', escaped);

process.on('message', async (c) => {
  current = c.id;
  const result = await runCase(c).catch((e) => ({ code: 1, stdout: captured('out'), stderr: `harness: ${e?.message ?? e}\n`, ms: 0 }));
  if (current === c.id) {
    current = undefined;
    process.send({ id: c.id, result });
  }
});
process.send({ ready: true });
