/** docs/analytic.md's example ("Example: where to put three members") states what analyzeScenario answers. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeScenario } from '../../src/analytic/index.js';
import { loadScenario } from '../../src/scenario/index.js';
import { clusterAnswer } from './fixtures.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const page = readFileSync(`${ROOT}docs/analytic.md`, 'utf8');
const start = page.indexOf('\n## Example: where to put three members\n');
const next = page.indexOf('\n## ', start + 1);
const section = page.slice(start, next < 0 ? undefined : next);

/** "8 h 02 min" or "7.5 min", in seconds. */
function seconds(text: string): number {
  const m = /^(?:(\d+) h )?([\d.]+) min$/.exec(text);
  if (m === null) throw new Error(`not a downtime: ${text}`);
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60;
}

/** The digits a percentage is printed with: "99.9083%" has 4 decimals of a percent. */
const decimals = (percent: string) => percent.replace('%', '').split('.')[1]?.length ?? 0;

describe('the docs/analytic.md example of kubesim analytic', () => {
  const result = analyzeScenario(loadScenario(`${ROOT}scenarios/stretched-two-dcs.yaml`));
  const rows = section
    .split('\n')
    .filter((l) => l.startsWith('| `'))
    .map((l) => l.split('|').map((c) => c.trim().replace(/`/g, '')));

  it('should have a row for each of the three placements', () => {
    expect(rows.map((r) => r[1])).toEqual(['one-site', 'stretched', 'three-sites']);
  });

  it.each(rows.map((r) => [r[1]!, r[3]!, r[4]!, r[5]!]))('should give %s the exact etcdQuorum the table states (%s)', (cluster, percent, downtime, outages) => {
    const q = clusterAnswer(result, cluster).signals.etcdQuorum;
    // Each figure to the digits it is printed with.
    expect((100 * q.availability).toFixed(decimals(percent))).toBe(percent.replace('%', ''));
    const unit = downtime.includes('.') ? 6 : 60;
    expect(Math.abs(q.downtimeSecondsPerYear - seconds(downtime))).toBeLessThanOrEqual(unit / 2);
    expect(q.outagesPerYear.toFixed(2)).toBe(outages);
  });

  it('should give the apiWrite figures the text states: 99.908% with one load balancer, 99.9986% with one per site', () => {
    expect(section).toContain('Its `apiWrite` is still 99.908%');
    expect(section).toContain('its exact `apiWrite` is 99.9986%');
    expect((100 * clusterAnswer(result, 'three-sites').signals.apiWrite.availability).toFixed(3)).toBe('99.908');
    expect((100 * clusterAnswer(result, 'three-sites-lb-each').signals.apiWrite.availability).toFixed(4)).toBe('99.9986');
  });
});
