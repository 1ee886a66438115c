// Bundles the quorum lab's browser code (dist/lab/browser.js: the project's own kernel and model)
// with esbuild into dist/lab/browser.bundle.js, which `kubesim lab` inlines into its page. Run by
// `npm run build` after tsc, so that an installed kubesim needs no bundler (esbuild is a
// devDependency) and the page script is built from the same sources as the model it shows.
import { writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const entry = new URL('../dist/lab/browser.js', import.meta.url).pathname;
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
writeFileSync(new URL('../dist/lab/browser.bundle.js', import.meta.url), out.text);
