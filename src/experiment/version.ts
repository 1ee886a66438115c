/** kubesim's version, read once from package.json: the one home of the number that summaries, shards and `--version` carry. */
import { readFileSync } from 'node:fs';

// package.json sits two folders above this file both in src/ (tests) and in dist/ (the CLI), and
// ships with the package, as schema/ does.
const PACKAGE_URL = new URL('../../package.json', import.meta.url);

function readVersion(): string {
  const version: unknown = (JSON.parse(readFileSync(PACKAGE_URL, 'utf8')) as { version?: unknown }).version;
  if (typeof version !== 'string' || version === '') throw new Error(`${PACKAGE_URL.pathname}: no "version" string`);
  return version;
}

export const KUBESIM_VERSION: string = readVersion();
