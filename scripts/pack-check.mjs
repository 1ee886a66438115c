// Packs kubesim as `npm publish` would and runs the tarball in a fresh folder with npx, as a new
// user would: only the runtime dependencies are installed (from the npm registry), nothing of the
// clone is reachable. Run by `npm run pack-check` (about a minute, most of it the install); the
// suite's fast half is test/package/pack.test.ts. Prints one line per check and exits 1 on the
// first that fails.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const started = Date.now();
const work = mkdtempSync(join(tmpdir(), 'kubesim-pack-'));
const fail = (what, r) => {
  console.error(`pack-check: ${what} failed (exit ${r?.status})\n${r?.stdout ?? ''}${r?.stderr ?? ''}`);
  console.error(`pack-check: left ${work} for a look`);
  process.exit(1);
};
const sh = (cmd, args, cwd) => spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 << 20 });

// `npm pack` runs prepack (a clean build), so the tarball is what the sources make now.
const pack = sh('npm', ['pack', '--json', '--pack-destination', work], process.cwd());
if (pack.status !== 0) fail('npm pack', pack);
const name = JSON.parse(pack.stdout)[0].filename;
const user = join(work, 'user');
sh('mkdir', ['-p', user]);
// npx reads `./name.tgz` as a package and an absolute path as a command to run, so the tarball sits beside the user's files.
renameSync(join(work, name), join(user, name));
const tarball = `./${name}`;
writeFileSync(
  join(user, 'tiny.yaml'),
  'apiVersion: kubesim/v1\nkind: Scenario\nmetadata: { name: tiny }\nspec:\n  horizon: 30d\n  replications: 3\n' +
    '  failures: { etcd: { mttf: 10d, mttr: 4h } }\n  clusters: [{ name: prod, model: multi-master }]\n',
);
// A cache of its own: nothing installed earlier (the clone's node_modules, a global kubesim) can stand in.
// `npx <tarball> <args>` as README shows it; --package for a first argument npx would take for its own.
const npx = (...args) => sh('npx', ['--yes', '--cache', join(work, 'npm-cache'), tarball, ...args], user);
const npxBin = (...args) => sh('npx', ['--yes', '--cache', join(work, 'npm-cache'), `--package=${tarball}`, '--', 'kubesim', ...args], user);

const checks = [
  ['--version', () => npxBin('--version'), (r) => r.stdout.trim() === JSON.parse(readFileSync('package.json', 'utf8')).version],
  ['validate', () => npx('validate', 'tiny.yaml'), (r) => r.stdout.includes('tiny.yaml: ok')],
  ['run --json', () => npx('run', 'tiny.yaml', '--json', '--jobs', '1'), (r) => JSON.parse(r.stdout).clusters.prod.signals.etcdQuorum !== undefined],
  ['run (report)', () => npx('run', 'tiny.yaml', '--jobs', '1', '--out', 'report'), () => existsSync(join(user, 'report', 'index.html'))],
  ['lab (prebuilt page script)', () => npx('lab', '--out', 'lab.html'), () => readFileSync(join(user, 'lab.html'), 'utf8').length > 100_000],
  ['no devDependency installed', () => sh('find', [join(work, 'npm-cache', '_npx'), '-maxdepth', '4', '-type', 'd', '-name', 'node_modules'], user), (r) => {
    const dirs = r.stdout.trim().split('\n').filter(Boolean);
    const dev = Object.keys(JSON.parse(readFileSync('package.json', 'utf8')).devDependencies ?? {});
    const installed = dirs.flatMap((d) => dev.filter((p) => existsSync(join(d, p))));
    if (installed.length > 0) console.error(`pack-check: devDependencies installed: ${installed.join(', ')}`);
    return dirs.length > 0 && installed.length === 0;
  }],
];
for (const [name, act, ok] of checks) {
  const t = Date.now();
  const r = act();
  let good = false;
  try {
    good = r.status === 0 && ok(r);
  } catch {
    good = false;
  }
  if (!good) fail(name, r);
  console.log(`pack-check: ${name} ok (${((Date.now() - t) / 1000).toFixed(1)} s)`);
}
rmSync(work, { recursive: true, force: true });
console.log(`pack-check: ${name} works from a fresh folder (${((Date.now() - started) / 1000).toFixed(0)} s)`);
