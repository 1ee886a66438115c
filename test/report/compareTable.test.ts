import { describe, expect, it } from 'vitest';
import type { SignalSummary } from '../../src/experiment/Summary.js';
import { compareTable, signalsSideBySide } from '../../src/report/compareTable.js';
import { renderCompareHtml } from '../../src/report/renderCompareHtml.js';
import { renderCompareMarkdown } from '../../src/report/renderMarkdown.js';
import type { CompareEntry, CompareInput } from '../../src/report/ReportInput.js';
import { compareInput, importanceSampled, neverDown, oneReplication, signal, withExact } from './fixtures.js';

/** The entry with its only cluster's apiWrite replaced. */
function withApiWrite(e: CompareEntry, apiWrite: SignalSummary): CompareEntry {
  const [name, c] = Object.entries(e.summary.clusters)[0]!;
  return { ...e, summary: { ...e.summary, clusters: { [name]: { ...c, signals: { ...c.signals, apiWrite } } } } };
}

const [single, stacked3, stacked5, external3] = compareInput.entries as [CompareEntry, CompareEntry, CompareEntry, CompareEntry];
/** Each configuration's headline in another state: ok, few outages, a bound, one replication with an exact value. */
const flagged: CompareInput = {
  ...compareInput,
  entries: [
    single,
    // 0.35 a year × 20 runs = 7 outages.
    withApiWrite(stacked3, signal(0.99991, 0.00003, 0.35, 500, 3000)),
    withApiWrite(stacked5, neverDown(1000, 3600)),
    withApiWrite(external3, withExact(oneReplication(importanceSampled(signal(0.99993, 0.00003, 5, 500, 3000), 80)), 0.99994)),
  ],
};

describe('compare tables with their evidence', () => {
  it('should show each headline with its trust tag, CI or bound, nines and exact value', () => {
    const t = compareTable(flagged);
    expect(t.head.slice(4, 10)).toEqual(['Signal', 'Availability', 'Trust', '95% CI', 'Nines', 'Exact']);
    expect(t.rows.map((r) => r.cells[4])).toEqual(['prod/apiWrite', 'prod/apiWrite', 'prod/apiWrite', 'prod/apiWrite']);
    expect(t.rows.map((r) => r.cells.slice(5, 10))).toEqual([
      // 99.75% ± 0.06%: two decimals; nines 2.60 ± 0.1.
      ['99.75%', '', '99.69–99.81%', '2.60', '—'],
      ['99.991%', 'few outages (7)', '99.988–99.994%', '4.0', '—'],
      // 3 h of outage in 1,000 y bounds the unavailability at 3.4e-7 (1 - 0.99999966): 6.4 nines.
      ['≥ 99.99996%', 'no outages', '95% bound, no outage in 1,000 y', '≥ 6.4', '—'],
      // One replication: no CI, so nothing to be outside of.
      ['99.9930% IS', '1 replication', 'no CI (1 replication)', '4.2', '99.9940%'],
    ]);
    expect(t.flags).toEqual([
      '3 stacked, few outages (7) — only 7 outages observed (fewer than 10): the interval is rough',
      '5 stacked, no outages — no outage was observed: the availability is a bound, not an estimate',
      '3 external, 1 replication — one replication: no spread to estimate a confidence interval from',
    ]);
    expect(t.legend).toEqual(['IS: importance sampling (rare-event method)']);
  });

  it('should tag every flagged signal side by side and list the reasons', () => {
    const side = signalsSideBySide(flagged);
    const apiWrite = side.rows.find((r) => r.label === 'prod · apiWrite')!;
    expect(apiWrite.cells.map((c) => c.text)).toEqual(['99.75%', '99.991%, few outages (7)', '≥ 99.99996%, no outages', '99.9930% IS, 1 replication']);
    expect(side.flags).toContain('5 stacked · prod · apiWrite, no outages — no outage was observed: the availability is a bound, not an estimate');
  });

  it('should carry the tags and reasons into the Markdown and the page', () => {
    const md = renderCompareMarkdown(flagged);
    expect(md).toContain('| 5 stacked |');
    expect(md).toContain('| prod/apiWrite | ≥ 99.99996% | no outages | 95% bound, no outage in 1,000 y | ≥ 6.4 |');
    expect(md).toContain('- ⚠ 3 stacked, few outages (7) — only 7 outages observed');
    const html = renderCompareHtml(flagged, []);
    expect(html).toContain('<td class="trust flag" title="only 7 outages observed (fewer than 10): the interval is rough">few outages (7)</td>');
    expect(html).not.toMatch(/>100%<|∞/);
  });

  it('should leave the columns out when every headline is trusted and none has an exact value', () => {
    const t = compareTable(compareInput);
    expect(t.head).not.toContain('Trust');
    expect(t.head).not.toContain('Exact');
    expect(t.flags).toEqual([]);
  });
});
