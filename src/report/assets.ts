/**
 * The chart libraries' browser builds, read once from node_modules for inlining into offline pages:
 * the one file read in src/report (a report must open from file:// with no network).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface ChartLibraries {
  /**
   * UMD builds that define the globals `vega` and `vegaEmbed`, in load order. vega-lite is not
   * among them: pages carry specs compiled to vega when the report is written (htmlPage.ts), and
   * vega-embed draws a vega spec without it.
   */
  readonly vega: string;
  readonly vegaEmbed: string;
}

let cache: ChartLibraries | undefined;

/**
 * The minified builds with their sourceMappingURL lines removed (the maps are not shipped). The
 * packages' `exports` maps hide their build folders, so each is found next to its resolved entry.
 */
export function chartLibraries(): ChartLibraries {
  cache ??= {
    vega: read('vega', 'vega.min.js'),
    vegaEmbed: read('vega-embed', 'vega-embed.min.js'),
  };
  return cache;
}

function read(pkg: string, file: string): string {
  const require = createRequire(import.meta.url);
  const text = readFileSync(join(dirname(require.resolve(pkg)), file), 'utf8');
  const stripped = text.replace(/^\s*\/\/[#@] sourceMappingURL=.*$/gm, '');
  // Inlined in a <script>, the text must not close the element early; these builds never do.
  if (/<\/script/i.test(stripped)) throw new Error(`chartLibraries: ${pkg}/${file} contains "</script" and cannot be inlined`);
  return stripped;
}
