import { describe, expect, it } from 'vitest';
import type { PrecisionSummary } from '../../src/experiment/Summary.js';
import { precisionLine } from '../../src/report/precisionLine.js';

const base: PrecisionSummary = {
  target: 0.1,
  reached: true,
  stoppedBy: 'precision',
  batches: 17,
  episodes: 0,
  signals: [{ cluster: 'prod', signal: 'apiWrite', method: 'naive', relativeHalfWidth: 0.0812, reached: true }],
};

describe('precisionLine', () => {
  it('should say the target was reached, by whom and after how much work', () => {
    expect(precisionLine(base)).toBe('Precision ±10%: reached by every requested signal (prod/apiWrite ±8.1%) after 17 batches.');
  });

  it('should name the cap that stopped the run and the signals that fell short, rare-event ones marked', () => {
    const p: PrecisionSummary = {
      ...base,
      reached: false,
      stoppedBy: 'max-episodes',
      batches: 1,
      episodes: 200000,
      signals: [
        { cluster: 'prod', signal: 'apiWrite', method: 'naive', relativeHalfWidth: 0.05, reached: true },
        { cluster: 'prod', signal: 'etcdQuorum', method: 'importance-sampling', relativeHalfWidth: null, reached: false },
      ],
    };
    expect(precisionLine(p)).toBe(
      'Precision ±10%: NOT reached; --max-episodes stopped the run first, after 1 batch and 200,000 rare-event episodes (prod/apiWrite ±5%, prod/etcdQuorum no outage seen (rare-event)).',
    );
  });
});
