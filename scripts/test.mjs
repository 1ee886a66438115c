// Runs the type-check of the tests and the vitest suite, then prints the plain closing line CI reads.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';

const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
const tsc = spawnSync('npx', ['tsc', '-p', 'tsconfig.test.json'], { stdio: 'inherit', env });
if (tsc.status !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
mkdirSync('test-output', { recursive: true });
const out = 'test-output/vitest.json';
const vitest = spawnSync(
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...process.argv.slice(2)],
  { stdio: 'inherit', env },
);
if (!existsSync(out)) {
  console.log('0 passed, 1 failed');
  process.exit(vitest.status ?? 1);
}
const r = JSON.parse(readFileSync(out, 'utf8'));
const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(vitest.status ?? 1);
