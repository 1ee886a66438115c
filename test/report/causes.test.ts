/** Downtime by cause in the report: the rows every format reads, the terminal block, the Markdown section and the page's chart. */
import { describe, expect, it } from 'vitest';
import { writeReportDir } from '../../src/cli/writeReport.js';
import type { SignalSummary, Summary } from '../../src/experiment/Summary.js';
import { signalCauses } from '../../src/report/causeTable.js';
import { renderMarkdown } from '../../src/report/renderMarkdown.js';
import { renderTerminalTable } from '../../src/report/renderTerminalTable.js';
import { renderReportFiles } from '../../src/report/reportFiles.js';
import { rows, scenario, summary } from './fixtures.js';
import { describeInChromium, open } from './openPage.js';

/** The causes of the fixture: two faults, two random causes, three mechanisms, in summary order. */
const CAUSES = ['fault az-b down', 'fault 2: crash prod/etcd-1 for 2h', 'random etcd failure', 'random worker failure', 'leader election', 'lease handover', 'eviction and rescheduling'];

/** Splits a signal's downtime by fixed fractions over CAUSES (zeros included, as the summary writes them). */
function split(s: SignalSummary, fractions: readonly number[]): SignalSummary {
  return { ...s, downtimeByCause: Object.fromEntries(CAUSES.map((c, i) => [c, (fractions[i] ?? 0) * s.downtimeSecondsPerYear])) };
}

/** The fixture summary with every signal's downtime attributed: apiWrite mostly to the named fault, workloads to workers. */
function withCauses(base: Summary): Summary {
  const attribute = (signals: Readonly<Record<string, SignalSummary>>) =>
    Object.fromEntries(
      Object.entries(signals).map(([name, s]) => [
        name,
        split(s, name === 'workloads' ? [0, 0, 0.1, 0.85, 0, 0, 0.05] : [0.6, 0.1, 0.2, 0, 0.08, 0.02, 0]),
      ]),
    );
  return {
    ...base,
    clusters: Object.fromEntries(Object.entries(base.clusters).map(([n, c]) => [n, { ...c, signals: attribute(c.signals) }])),
    global: { ...base.global, signals: attribute(base.global.signals) },
  };
}

const attributed = withCauses(summary);

describe('downtime by cause in reports', () => {
  it('should list the causes that produced any downtime, biggest first, with shares adding up to the whole', () => {
    // Act
    const prod = signalCauses(attributed).find((s) => s.cluster === 'prod' && s.signal === 'apiWrite')!;
    // Assert: zero causes are left out; 60/20/10/8/2% in that order.
    expect(prod.causes.map((c) => c.cause)).toEqual(['fault az-b down', 'random etcd failure', 'fault 2: crash prod/etcd-1 for 2h', 'leader election', 'lease handover']);
    expect(prod.causes.reduce((a, c) => a + c.share, 0)).toBeCloseTo(1, 12);
    expect(prod.secondsPerYear).toBeCloseTo(attributed.clusters['prod']!.signals['apiWrite']!.downtimeSecondsPerYear, 6);
  });

  it('should show the top three causes of the main signals in the terminal, the rest in one line', () => {
    // Act
    const text = renderTerminalTable(attributed, { color: false });
    // Assert
    const block = text.slice(text.indexOf('Downtime by cause'), text.indexOf('Cost:'));
    expect(block).toMatch(/prod\/apiWrite +\S.* +fault az-b down +\S.* +60%\n/);
    expect(block).toMatch(/ +random etcd failure +\S.* +20%\n/);
    expect(block).toMatch(/ +2 more causes +\S.* +10%\n/);
    expect(block).toMatch(/prod\/workloads +\S.* +random worker failure +\S.* +85%\n/);
    // Only the main signals: no etcdQuorum row.
    expect(block).not.toContain('etcdQuorum');
  });

  it('should show no cause block when no signal has an attribution', () => {
    expect(renderTerminalTable(summary, { color: false })).not.toContain('Downtime by cause');
    expect(renderMarkdown({ scenario, summary, rows })).not.toContain('## Downtime by cause');
  });

  it('should give every cause of every signal in the Markdown section', () => {
    // Act
    const md = renderMarkdown({ scenario, summary: attributed, rows });
    // Assert
    const section = md.slice(md.indexOf('## Downtime by cause'), md.indexOf('## Cost per month'));
    expect(section).toContain('| Signal | Downtime per year | Cause | Per year | Share |');
    expect(section).toMatch(/\| prod\/etcdQuorum \| [^|]+ \| fault az-b down \| [^|]+ \| 60% \|/);
    expect(section).toMatch(/\|  \|  \| lease handover \| [^|]+ \| 2% \|/);
    expect(section).toContain('Overlapping causes share the time evenly');
  });
});

describeInChromium('the downtime-by-cause chart in a browser', (browser) => {

  it('should draw a bar segment per signal and cause, offline, with no console error', async () => {
    // Arrange
    await writeReportDir('test-output/report-causes', await renderReportFiles({ scenario, summary: attributed, rows }));
    // Act
    const { errors, requests, charts } = await open(browser(), 'test-output/report-causes/index.html', 'test-output/report-causes.png');
    // Assert
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    const chart = charts.find((c) => c.id === 'downtime-by-cause')!;
    expect(chart).toMatchObject({ rendered: 'true', svgs: 1 });
    const pairs = signalCauses(attributed).reduce((a, s) => a + s.causes.length, 0);
    expect(chart.marks.rect).toBe(pairs);
    expect(chart.marks.text).toBe(signalCauses(attributed).length);
  });
});
