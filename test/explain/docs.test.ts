/** The `kubesim explain` examples of docs/teaching.md and README show lines of the real output, in order (the rest is elided with "..."). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const COMMAND = '$ kubesim explain scenarios/lessons/02-lose-two-of-three.yaml\n';

// The transcript the CLI test compares byte for byte with `kubesim explain` on this lesson, drawn
// with --ascii's characters; the docs show a UTF-8 terminal's ("--ascii" draws # + .).
const actual = readFileSync(`${ROOT}test/explain/expected/02-lose-two-of-three.txt`, 'utf8').split('\n');

describe.each([
  ['docs/teaching.md', 20],
  ['README.md', 2],
])('the example of kubesim explain in %s', (file, least) => {
  const text = readFileSync(`${ROOT}${file}`, 'utf8');
  const start = text.indexOf(COMMAND);
  const shown = text.slice(start + COMMAND.length, text.indexOf('```', start)).split('\n').filter((l) => l !== '');

  it('should be found', () => {
    expect(start).toBeGreaterThan(0);
    expect(shown.length).toBeGreaterThanOrEqual(least);
  });

  it('should show only lines the command prints, in the order it prints them', () => {
    let from = 0;
    const missing: string[] = [];
    const ascii = (l: string) => l.replace(/█/g, '#').replace(/▒/g, '+').replace(/·/g, '.');
    for (const line of shown.filter((l) => l !== '...').map(ascii)) {
      const at = actual.indexOf(line, from);
      if (at < 0) missing.push(line);
      else from = at + 1;
    }
    expect(missing).toEqual([]);
  });

  it('should show the strip chart whole when it shows it: every row, none elided', () => {
    const ascii = (l: string) => l.replace(/█/g, '#').replace(/▒/g, '+').replace(/·/g, '.');
    const chart = shown.findIndex((l) => l.startsWith('Timeline '));
    if (chart < 0) return;
    const rows = shown.slice(chart).map(ascii);
    const at = actual.indexOf(rows[0]!);
    expect(rows).toEqual(actual.slice(at, at + rows.length).filter((l) => l !== ''));
    expect(actual.slice(at + rows.length).filter((l) => l !== '')).toEqual([]);
  });
});
