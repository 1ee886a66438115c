// `npm run fuzz`: the fuzz target's generators for longer (docs/fuzzing.md). Cases run in-process
// on child processes (one per core by default), a few through the real CLI; stops at --cases or
// --time, writes the counts to fuzz/last-run.json and prints them. Exit 1 when a case failed.
//
//   npm run fuzz -- [--cases 100000] [--time 10m] [--workers 2] [--seed N] [--case-timeout 20s]
//   npm run fuzz -- --replay SEED     run the one case of that seed and print it in full
import { build } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i < 0 ? fallback : args[i + 1];
};
const fail = (message) => {
  console.error(`fuzz: ${message}`);
  process.exit(2);
};
const whole = (name, value, min) => {
  const n = Number(value);
  if (!/^-?\d+$/.test(String(value)) || !Number.isSafeInteger(n) || n < min) fail(`${name}: expected a whole number of at least ${min}, found "${value}"`);
  return n;
};
const seconds = (name, value) => {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(String(value));
  if (!m) fail(`${name}: expected a duration such as 90s, 10m or 1h, found "${value}"`);
  return Number(m[1]) * { ms: 0.001, s: 1, m: 60, h: 3600 }[m[2]];
};
const known = new Set(['--cases', '--time', '--workers', '--seed', '--case-timeout', '--replay', '--out']);
for (let i = 0; i < args.length; i += 2) if (!known.has(args[i])) fail(`unknown option "${args[i]}" (options: ${[...known].join(', ')})`);

const cases = whole('--cases', flag('--cases', '100000'), 1);
const timeLimitMs = seconds('--time', flag('--time', '10m')) * 1000;
const workers = whole('--workers', flag('--workers', String(availableParallelism())), 1);
const seed = whole('--seed', flag('--seed', String((Date.now() ^ Math.floor(Math.random() * 2 ** 31)) | 0)), -(2 ** 31));
const caseTimeoutMs = seconds('--case-timeout', flag('--case-timeout', '20s')) * 1000;
const replay = flag('--replay', undefined);
const outFile = flag('--out', 'fuzz/last-run.json');
const VIA_CLI_ONE_IN = 200;
const childScript = `${root}scripts/fuzz/child.mjs`;

// The generators are TypeScript shared with the suite's fuzz test: bundle them once for node.
const bundle = `${root}fuzz/.session.mjs`;
mkdirSync(`${root}fuzz`, { recursive: true });
await build({ entryPoints: [`${root}test/fuzz/_internals/fuzzSession.ts`], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: bundle, logLevel: 'error' });
const session = await import(pathToFileURL(bundle).href);
rmSync(bundle, { force: true });

if (replay !== undefined) {
  const s = whole('--replay', replay, -(2 ** 31));
  const c = session.caseOfSeed(s, VIA_CLI_ONE_IN);
  const { FuzzPool } = session;
  const pool = new FuzzPool(1, caseTimeoutMs, childScript);
  const r = await pool.run(c);
  pool.close();
  const j = session.judge(c, r);
  const clip = (t) => (t.length > 4000 ? `${t.slice(0, 4000)}… (${t.length} characters)` : t);
  console.log(JSON.stringify({ seed: s, case: { ...c, files: c.files.map((f) => ({ ...f, content: clip(f.content) })) }, result: { ...r, stdout: clip(r.stdout), stderr: clip(r.stderr) }, ...j }, null, 2));
  process.exit(j.failures.length > 0 ? 1 : 0);
}

console.log(`fuzz: up to ${cases} cases or ${timeLimitMs / 1000} s, ${workers} workers, seed ${seed} (replay one case: npm run fuzz -- --replay <seed>)`);
const summary = await session.runSession({
  cases,
  timeLimitMs,
  caseTimeoutMs,
  workers,
  seed,
  viaCliOneIn: VIA_CLI_ONE_IN,
  childScript,
  onProgress: (done, ms) => {
    if (done % 1000 === 0) console.log(`fuzz: ${done} cases, ${(ms / 1000).toFixed(0)} s`);
  },
});
const doc = { ...summary, command: `npm run fuzz -- ${args.join(' ')}`.trim(), node: process.version };
writeFileSync(`${root}${outFile}`, `${JSON.stringify(doc, null, 2)}\n`);
console.log(JSON.stringify(doc, null, 2));
process.exit(summary.failures.count > 0 ? 1 : 0);
