import { describe, expect, it } from 'vitest';
import { precisionProgress, progress } from '../../src/cli/progress.js';

/** A stderr stand-in that records what is written; a terminal or not. */
function stream(isTTY: boolean): NodeJS.WriteStream & { text: string } {
  const s = { isTTY, text: '', write: (chunk: string) => ((s.text += chunk), true) };
  return s as unknown as NodeJS.WriteStream & { text: string };
}

describe('precisionProgress', () => {
  it('should show the work done and the least precise signal against the target on a terminal, then clear the line', () => {
    const err = stream(true);
    const line = precisionProgress('rare', 0.1, err);
    line.update({ batches: 1, replications: 100, episodes: 0, worst: { key: 'prod/etcdQuorum', relativeHalfWidth: Infinity } });
    expect(err.text).toMatch(/^\r\x1b\[Krare: 100 replications; prod\/etcdQuorum no outage yet \(target ±10%\) \d+\.\ds$/);
    line.update({ batches: 1, replications: 100, episodes: 4000, worst: { key: 'prod/etcdQuorum', relativeHalfWidth: 0.237 } });
    expect(err.text).toMatch(/\r\x1b\[Krare: 100 replications, 4000 episodes; prod\/etcdQuorum ±24% \(target ±10%\) \d+\.\ds$/);
    line.done();
    expect(err.text.endsWith('\r\x1b[K')).toBe(true);
  });

  it('should write nothing when stderr is not a terminal (CI, pipes, files)', () => {
    const err = stream(false);
    const line = precisionProgress('rare', 0.1, err);
    line.update({ batches: 1, replications: 100, episodes: 0, worst: { key: 'prod/apiWrite', relativeHalfWidth: 0.5 } });
    line.done();
    const bar = progress('run', err);
    bar.update(1, 2);
    bar.done();
    expect(err.text).toBe('');
  });
});

describe('precisionProgress, a half-width above 100%', () => {
  it('should read "±150%", not an exponent', () => {
    const err = stream(true);
    precisionProgress('rare', 0.1, err).update({ batches: 1, replications: 4, episodes: 0, worst: { key: 'prod/apiWrite', relativeHalfWidth: 1.5 } });
    expect(err.text).toContain('prod/apiWrite ±150% (target ±10%)');
  });
});
