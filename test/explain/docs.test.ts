/** README's `kubesim explain` example shows lines of the real output, in order (the rest is elided with "..."). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const COMMAND = '$ kubesim explain scenarios/lessons/02-lose-two-of-three.yaml\n';

describe('the README example of kubesim explain', () => {
  const readme = readFileSync(`${ROOT}README.md`, 'utf8');
  const start = readme.indexOf(COMMAND);
  const shown = readme.slice(start + COMMAND.length, readme.indexOf('```', start)).split('\n');
  // The transcript the CLI test compares byte for byte with `kubesim explain` on this lesson, drawn
  // with --ascii's characters; README shows a UTF-8 terminal's (README: "--ascii" draws # + .).
  const actual = readFileSync(`${ROOT}test/explain/expected/02-lose-two-of-three.txt`, 'utf8').split('\n');

  it('should be found', () => {
    expect(start).toBeGreaterThan(0);
    expect(shown.length).toBeGreaterThan(20);
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
});
