import { existsSync, readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as kernel from '../../src/kernel/index.js';

/** The kernel's page holds a runnable example and its output. */
const places = ['docs/kernel.md'].filter((f) => existsSync(f) && readFileSync(f, 'utf8').includes('# The simulation kernel'));

/** The first ```ts block after the kernel heading, and the plain ``` block after it (its output). */
function example(markdown: string): { code: string; output: string } {
  const section = markdown.slice(markdown.indexOf('# The simulation kernel'));
  const m = /```ts\n([\s\S]*?)```[\s\S]*?```\n([\s\S]*?)```/.exec(section);
  if (m === null) throw new Error('no ```ts example followed by its output in the kernel section');
  return { code: m[1]!, output: m[2]! };
}

/** Transpiles the example, points its import at the kernel, runs it and returns what it printed. */
function run(code: string): string {
  const js = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  const body = js.replace(/import\s*\{([^}]*)\}\s*from\s*'[^']*kernel\/index\.js';/, 'const {$1} = kernel;');
  const lines: string[] = [];
  const console = { log: (...args: unknown[]) => lines.push(args.join(' ')) };
  new Function('kernel', 'console', body)(kernel, console);
  return lines.map((l) => `${l}\n`).join('');
}

describe('the kernel page, docs/kernel.md', () => {
  it('should be found', () => {
    expect(places.length).toBeGreaterThan(0);
  });

  it.each(places)('should print what it shows, in %s', (file) => {
    // Arrange
    const { code, output } = example(readFileSync(file, 'utf8'));
    // Act
    const printed = run(code);
    // Assert
    expect(printed).toBe(output);
  });
});
