import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The chart libraries take about 0.3 s to load: a command loads them (with a dynamic import)
// only when it draws a report, so `compare --no-report`, `sweep --json` or `fit` without --out
// start as fast as `run` (docs/architecture.md, "Start-up").
const CHART_PACKAGES = new Set(['vega', 'vega-lite', 'vega-embed']);
const SRC = resolve('src');
const COMMANDS = resolve(SRC, 'cli/commands');

/** The modules a file imports as values at load time: static imports and re-exports, not `import type`, not `import()`. */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(import|export)\s+(?!type\s)[^;]*?from\s+'([^']+)'/g)].map((m) => m[2]!);
}

/** The chain of static imports from `entry` to a chart package, or undefined when there is none. */
function pathToCharts(entry: string): string[] | undefined {
  const seen = new Set<string>();
  const walk = (file: string, path: string[]): string[] | undefined => {
    if (seen.has(file)) return undefined;
    seen.add(file);
    for (const spec of staticImports(file)) {
      if (CHART_PACKAGES.has(spec)) return [...path, spec];
      if (!spec.startsWith('.')) continue;
      const target = resolve(dirname(file), spec.replace(/\.js$/, '.ts'));
      if (!existsSync(target)) continue;
      const found = walk(target, [...path, relative(SRC, target)]);
      if (found) return found;
    }
    return undefined;
  };
  return walk(entry, [relative(SRC, entry)]);
}

describe('start-up', () => {
  it('should load no chart library when a command starts, only when it draws a report', () => {
    // Arrange
    const entries = [resolve(SRC, 'cli/main.ts'), ...readdirSync(COMMANDS).filter((f) => f.endsWith('.ts')).map((f) => join(COMMANDS, f))];
    // Act
    const chains = entries.map(pathToCharts).filter((c) => c !== undefined).map((c) => c.join(' -> '));
    // Assert
    expect(chains).toEqual([]);
  });

  it('should see a static import of a chart library (the check can fail)', () => {
    expect(pathToCharts(resolve(SRC, 'report/index.ts'))?.at(-1)).toBe('vega-lite');
  });
});
