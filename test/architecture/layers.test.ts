import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

// The layers of docs/architecture.md#layers, top to bottom. A module may import its own layer
// or any layer below; model and analytic sit side by side and never import each other.
const RANK: Record<string, number> = { cli: 7, lab: 6, report: 5, experiment: 4, model: 3, analytic: 3, fit: 3, scenario: 2, quorum: 1, kernel: 1 };

const SRC = resolve('src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

function layerOf(file: string): string {
  return relative(SRC, file).split('/')[0]!;
}

/** Relative imports of a file, value and type-only alike ('import type' too: a type is a dependency). */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/g)].map((m) => m[1]!);
  return found.map((spec) => resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
}

describe('layers', () => {
  const files = sources(SRC);

  it('should know the layer of every source folder', () => {
    const unknown = [...new Set(files.map(layerOf))].filter((l) => !(l in RANK));
    expect(unknown).toEqual([]);
  });

  it('should only import downward (or within the layer)', () => {
    const upward: string[] = [];
    for (const f of files) {
      const from = layerOf(f);
      for (const target of imports(f)) {
        const to = layerOf(target);
        const sideways = from !== to && RANK[from] === RANK[to];
        if (RANK[to]! > RANK[from]! || sideways) upward.push(`${relative(SRC, f)} -> ${relative(SRC, target)}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('should keep the quorum rule pure: src/quorum imports nothing outside itself, not even the kernel', () => {
    const outside = files
      .filter((f) => layerOf(f) === 'quorum')
      .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]!))
      .filter((spec) => !spec.startsWith('./'));
    expect(outside).toEqual([]);
  });
});
