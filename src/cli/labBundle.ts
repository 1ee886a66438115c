/** Bundles the quorum lab's browser code (the project's own kernel and model) with esbuild, into one script. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * The entry is the compiled `dist/lab/browser.js` beside this module once built (an installed
 * package ships dist/, not src/), or `src/lab/browser.ts` when running from the sources (tests).
 * Bundling when `kubesim lab` runs, from the esbuild the package depends on, needs no build step
 * of its own and cannot go stale against the model it shows; it takes well under a second.
 */
export async function bundleLab(): Promise<string> {
  const candidates = ['../lab/browser.js', '../lab/browser.ts'].map((p) => fileURLToPath(new URL(p, import.meta.url)));
  const entry = candidates.find((p) => existsSync(p));
  if (entry === undefined) throw new Error(`the quorum lab's browser code is missing (looked for ${candidates.join(' and ')})`);
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
  });
  const out = result.outputFiles[0];
  if (out === undefined) throw new Error('esbuild produced no output for the quorum lab');
  return out.text;
}
