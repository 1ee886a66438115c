/** The "What each fault cost" section: one table model, laid out in Markdown, HTML and text, escaped, absent without --fault-cost. */
import { describe, expect, it } from 'vitest';
import type { FaultCostSignal, FaultCostSummary } from '../../src/experiment/faultCost/FaultCost.js';
import { faultCostHtmlSection, faultCostMarkdown, faultCostText } from '../../src/report/faultCostSections.js';
import { costCell, faultCostTables, NO_CI_LEGEND, ROUGH_LEGEND } from '../../src/report/faultCostTable.js';
import { summary } from './fixtures.js';

const EVIL = '<b>|x|</b>';
const cost = (mean: number, ci: [number, number] | null, level: FaultCostSignal['trust']['level'] = 'ok'): FaultCostSignal => ({
  downtimeSecondsPerYear: mean,
  ci95: ci,
  trust: { level, differing: 3, reason: level === 'ok' ? 'fine' : 'why it is rough' },
});
const fc: FaultCostSummary = {
  replications: 4,
  faults: [
    { key: EVIL, name: EVIL, index: 0, description: `crash ${EVIL} for 1h`, perSignal: { prod: { apiWrite: cost(7200, [3600, 10800], 'few-differences'), etcdQuorum: cost(0, [0, 0]) } } },
    { key: 'faults[1]', name: null, index: 1, description: 'outage dc-b for 1h', perSignal: { prod: { apiWrite: cost(-60, null, 'single-replication'), etcdQuorum: cost(0, [0, 0]) } } },
  ],
  together: { key: 'all', name: null, index: null, description: 'both scripted faults together', perSignal: { prod: { apiWrite: cost(7140, [3000, 11000]), etcdQuorum: cost(0, [0, 0]) } } },
};

describe('faultCostTables', () => {
  it('should give a row per fault and one for the faults together, a column per signal, with signed figures and marks', () => {
    // Act
    const t = faultCostTables(fc);

    // Assert
    expect(t.tables.map((x) => x.cluster)).toEqual(['prod']);
    expect(t.tables[0]!.head).toEqual(['Fault', 'What it does', 'apiWrite', 'etcdQuorum']);
    expect(t.tables[0]!.rows.map((r) => [r.key, ...r.cells.map((c) => c.text)])).toEqual([
      [EVIL, '+2h [+1h, +3h] ~', '0s'],
      ['faults[1]', '-1m (no CI)', '0s'],
      ['all faults together', '+1h 59m [+50m, +3h 3m]', '0s'],
    ]);
    expect(t.legend).toEqual([ROUGH_LEGEND, NO_CI_LEGEND]);
    expect(costCell(cost(7200, [3600, 10800], 'few-differences')).reason).toBe('why it is rough');
  });
});

describe('the fault-cost sections', () => {
  it('should be absent without --fault-cost', () => {
    expect(faultCostMarkdown(summary)).toEqual([]);
    expect(faultCostHtmlSection(summary)).toEqual([]);
    expect(faultCostText(summary)).toBe('');
  });

  it('should escape the fault names in Markdown and HTML, and keep them as they are in the terminal', () => {
    const withCost = { ...summary, faultCost: fc };
    const md = faultCostMarkdown(withCost).join('\n\n');
    const [[id, title, , html]] = faultCostHtmlSection(withCost) as [[string, string, string, string]];
    expect(md).not.toContain(EVIL);
    expect(md).toContain('\\|x\\|');
    expect([id, title]).toEqual(['fault-cost', 'What each fault cost']);
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;b&gt;|x|&lt;/b&gt;');
    expect(html).toContain('title="why it is rough"');
    expect(faultCostText(withCost)).toMatch(/\n<b>\|x\|<\/b> +crash <b>\|x\|<\/b> for 1h +\+2h \[\+1h, \+3h\] ~ +0s\n/);
  });
});
