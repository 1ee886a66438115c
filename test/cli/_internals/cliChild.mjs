// The in-process runner's child (test/cli/inProcess.ts): imports the built CLI (dist/cli/entry.js)
// once, then runs each command sent over IPC as `node dist/cli/main.js ARGS` would run it in a
// fresh process: its arguments, folder, environment and stdin, its stdout and stderr captured,
// its exit code from main(). Commands run one at a time; nothing is shared between them but the
// modules' caches. The parent spawns this file with stdout and stderr as pipes, so nothing in
// here is a terminal (no colours, no progress lines), as in CI.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../../dist/cli/main.js', import.meta.url));
const { main, report } = await import(new URL('../../../dist/cli/entry.js', import.meta.url).href);

// stdin: a `-` scenario is read from descriptor 0 with readSync (src/cli/stdinInput.ts), an
// imported file through process.stdin. Both give the command's `input` and then its end, as the
// pipe of spawnSync({ input }) does; the child's own descriptor 0 is /dev/null and never read.
let stdin = Buffer.alloc(0);
let stdinAt = 0;
const readSync = fs.readSync;
fs.readSync = function (fd, buffer, ...rest) {
  if (fd !== 0) return readSync.call(this, fd, buffer, ...rest);
  const options = typeof rest[0] === 'object' && rest[0] !== null ? rest[0] : {};
  const offset = typeof rest[0] === 'number' ? rest[0] : (options.offset ?? 0);
  const length = typeof rest[1] === 'number' ? rest[1] : (options.length ?? buffer.byteLength - offset);
  const n = Math.min(length, stdin.length - stdinAt);
  stdin.copy(buffer, offset, stdinAt, stdinAt + n);
  stdinAt += n;
  return n;
};
syncBuiltinESMExports();
let stdinStream;
Object.defineProperty(process, 'stdin', { configurable: true, enumerable: true, get: () => stdinStream });

/** Everything written to stdout and stderr while a command runs, as bytes (decoded whole, as spawnSync does). */
const captured = { out: [], err: [] };
const capture = (into) =>
  function write(chunk, encoding, cb) {
    into.push(typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8') : Buffer.from(chunk));
    const done = typeof encoding === 'function' ? encoding : cb;
    if (done) process.nextTick(done);
    return true;
  };
const realWrite = { out: process.stdout.write, err: process.stderr.write };
const home = process.cwd();

async function run({ args, cwd, input, env }) {
  for (const k of Object.keys(process.env)) delete process.env[k];
  Object.assign(process.env, env);
  process.chdir(cwd);
  stdin = Buffer.from(input, 'utf8');
  stdinAt = 0;
  stdinStream = Readable.from(stdin.length > 0 ? [stdin] : []);
  process.argv = [process.execPath, MAIN, ...args];
  process.exitCode = undefined;
  captured.out = [];
  captured.err = [];
  process.stdout.write = capture(captured.out);
  process.stderr.write = capture(captured.err);
  let code;
  try {
    // As main.ts does: main() maps every error itself, report() is its last resort.
    code = await main(process.argv).catch(report);
    // What a command left to a later tick is still written before a real process exits.
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.stdout.write = realWrite.out;
    process.stderr.write = realWrite.err;
    process.exitCode = undefined;
    process.chdir(home);
  }
  return { code, stdout: Buffer.concat(captured.out).toString('utf8'), stderr: Buffer.concat(captured.err).toString('utf8') };
}

// The parent gone (killed without its afterAll), nothing is left to run for.
process.on('disconnect', () => process.exit());

let queue = Promise.resolve();
process.on('message', (request) => {
  queue = queue.then(async () => {
    const result = await run(request).catch((e) => ({ error: String(e?.stack ?? e) }));
    process.send({ id: request.id, ...result });
  });
});
