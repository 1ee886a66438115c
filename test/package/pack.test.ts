/**
 * What `npm pack` puts in the tarball: the built CLI, the schema and the scenarios, and nothing of
 * the tests or the sources. The tarball running from a fresh folder is `npm run pack-check`
 * (scripts/pack-check.mjs): it installs from the registry and takes about a minute.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../cli/cli.js';

interface Packed {
  readonly files: readonly { readonly path: string; readonly mode: number }[];
}

describe('the npm package', () => {
  // --ignore-scripts: list the dist/ that `npm test` built, without prepack rebuilding it under other tests' feet.
  const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
  const files = r.status === 0 ? (JSON.parse(r.stdout) as Packed[])[0]!.files : [];
  const paths = files.map((f) => f.path);

  it('should hold the command, its prebuilt parts, the schema and the shipped scenarios', () => {
    expect(r.status, r.stderr).toBe(0);
    const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { bin: Record<string, string> };
    expect(paths).toEqual(expect.arrayContaining([
      'package.json', 'README.md', pkg.bin['kubesim']!,
      'dist/scenario/_internals/scenarioValidator.cjs', 'dist/lab/browser.bundle.js',
      'schema/scenario.schema.json', 'scenarios/default.yaml', 'scenarios/lessons/01-lose-one-of-three.yaml',
    ]));
    // The command starts with its shebang, and the build makes it executable: `npx kubesim` in the
    // clone runs the file itself (npm sets the mode only when it installs a package).
    expect(readFileSync(`${ROOT}${pkg.bin['kubesim']!}`, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(`${ROOT}${pkg.bin['kubesim']!}`).mode & 0o111).toBe(0o111);
  });

  it('should hold nothing of the tests, the sources, the docs or the development scripts, and no source maps', () => {
    const stray = paths.filter((p) => /^(test|src|docs|bench|calibrate|fuzz|scripts|deploy|reports|test-output|node_modules)\//.test(p) || p.endsWith('.map') || p.endsWith('.ts'));
    expect(stray).toEqual([]);
  });
});

describe('the runtime dependencies', () => {
  /** The package a bare specifier names (`ajv/dist/runtime/x` is ajv, `@a/b/c` is @a/b). */
  const packageOf = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

  it('should be exactly the packages dist/ loads when it runs', () => {
    // Arrange: every import, dynamic import, require and createRequire resolve of the built code.
    const sources = (readdirSync(`${ROOT}dist`, { recursive: true }) as string[]).filter((f) => /\.(c|m)?js$/.test(f) && !f.endsWith('browser.bundle.js'));
    const loaded = new Set<string>();
    for (const file of sources) {
      const code = readFileSync(`${ROOT}dist/${file}`, 'utf8');
      // A specifier has no white space: a sentence that ends in "from" before a closing quote is not an import.
      // `read('vega-embed', …)`: src/report/assets.ts inlines the chart libraries' files, found through require.resolve.
      const specifiers = /(?:^\s*(?:import|export)\b[^;]*?\bfrom\s*|\bimport\(\s*|\brequire\(\s*|createRequire\([^)]*\)\(\s*|\bread\(\s*)(['"])([^'"./\s][^'"\s]*)\1/gm;
      for (const m of code.matchAll(specifiers)) {
        if (!m[2]!.startsWith('node:')) loaded.add(packageOf(m[2]!));
      }
    }
    const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { dependencies: Record<string, string> };
    // Act, Assert: nothing loaded is missing from dependencies (the install would break), nothing listed goes unused.
    expect(sources.length).toBeGreaterThan(100);
    expect([...loaded].sort()).toEqual(Object.keys(pkg.dependencies).sort());
  });
});
