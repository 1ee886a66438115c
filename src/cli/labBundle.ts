/** The quorum lab's browser code (the project's own kernel and model) as one script, bundled at build time. */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * `npm run build` bundles `dist/lab/browser.js` into `dist/lab/browser.bundle.js`
 * (scripts/build-lab.mjs), so an installed kubesim needs no bundler. The file sits beside the
 * compiled lab when running from dist/, and in dist/ when running from the sources (tests, which
 * `npm test` builds first).
 */
export async function bundleLab(): Promise<string> {
  const candidates = ['../lab/browser.bundle.js', '../../dist/lab/browser.bundle.js'].map((p) => fileURLToPath(new URL(p, import.meta.url)));
  const file = candidates.find((p) => existsSync(p));
  if (file === undefined) throw new Error(`the quorum lab's page script is missing (looked for ${candidates.join(' and ')}): run npm run build`);
  return readFile(file, 'utf8');
}
