// Runs Stryker on the core modules one at a time, each judged by its own tests, then prints the score of each (docs/mutation.md).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { MODULES } from './mutationModules.mjs';

// Usage: npm run mutate [-- MODULE...] [-- STRYKER OPTIONS...]
//   npm run mutate                      every core module, one Stryker run each
//   npm run mutate -- kernel analytic   only these
//   npm run mutate -- --mutate 'src/kernel/**/*.ts'   one Stryker run with your own --mutate,
//                                       against the tests of every core module
const args = process.argv.slice(2);
const names = args.filter((a, i) => !a.startsWith('-') && (i === 0 || !args[i - 1].startsWith('-')));
const passThrough = args.filter((a) => !names.includes(a));
const unknown = names.filter((n) => !MODULES.some((m) => m.name === n));
if (unknown.length > 0) {
  console.error(`mutate: no core module named ${unknown.join(', ')}; known: ${MODULES.map((m) => m.name).join(', ')}`);
  process.exit(2);
}

const stryker = (env) => spawnSync('npx', ['stryker', 'run', ...passThrough], { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

if (names.length === 0 && passThrough.includes('--mutate')) process.exit(stryker({}));

// A module whose source does not exist yet (src/quorum/ before the quorum module lands) is skipped.
const chosen = MODULES.filter((m) => (names.length === 0 || names.includes(m.name)) && existsSync(m.mutate[0].split('*')[0].replace(/:.*$/, '')));
let failed = 0;
for (const m of chosen) {
  console.log(`\n=== mutate ${m.name}: ${m.mutate.join(' ')} against ${m.tests.join(' ')}`);
  if (stryker({ KUBESIM_MUTATE_MODULE: m.name }) !== 0) failed++;
}

/** Stryker's two scores: detected over all valid mutants, and over covered ones only. */
function score(name) {
  const file = `reports/mutation/${name}/mutation.json`;
  if (!existsSync(file)) return undefined;
  const count = {};
  for (const f of Object.values(JSON.parse(readFileSync(file, 'utf8')).files)) {
    for (const mu of f.mutants) count[mu.status] = (count[mu.status] ?? 0) + 1;
  }
  const n = (s) => count[s] ?? 0;
  const detected = n('Killed') + n('Timeout');
  const valid = detected + n('Survived') + n('NoCoverage');
  const pct = (x, y) => (y === 0 ? 'n/a' : `${((100 * x) / y).toFixed(2)}%`);
  return { name, killed: n('Killed'), timeout: n('Timeout'), survived: n('Survived'), noCoverage: n('NoCoverage'), score: pct(detected, valid), covered: pct(detected, valid - n('NoCoverage')) };
}

const rows = chosen.map((m) => score(m.name)).filter(Boolean);
console.log('\nmodule      killed timeout survived no-coverage  score   covered');
for (const r of rows) {
  console.log(`${r.name.padEnd(11)} ${String(r.killed).padStart(6)} ${String(r.timeout).padStart(7)} ${String(r.survived).padStart(8)} ${String(r.noCoverage).padStart(11)}  ${r.score.padStart(7)} ${r.covered.padStart(8)}`);
}
process.exit(failed > 0 ? 1 : 0);
