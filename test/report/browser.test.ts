import { expect, it } from 'vitest';
import { writeReportDir } from '../../src/cli/writeReport.js';
import { renderCompareFiles, renderReportFiles } from '../../src/report/reportFiles.js';
import { compareInput, rows, scenario, summary, trace } from './fixtures.js';
import { describeInChromium, open } from './openPage.js';


describeInChromium('report pages in a browser', (browser) => {

  it('should draw every chart of the report offline, with no console error', async () => {
    await writeReportDir('test-output/report', await renderReportFiles({ scenario, summary, rows, trace, traceReplication: 0 }));
    const { errors, requests, charts } = await open(browser(), 'test-output/report/index.html', 'test-output/report.png');
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(charts.map((c) => c.id)).toEqual(['availability', 'outages', 'timeline', 'zoom-fault-1', 'zoom-fault-2', 'zoom-fault-3', 'cost']);
    for (const c of charts) {
      expect(c.rendered, c.id).toBe('true');
      expect(c.svgs, c.id).toBe(1);
    }
    const by = Object.fromEntries(charts.map((c) => [c.id, c.marks]));
    expect(by['availability']!.symbol).toBe(10); // a dot per signal of prod and staging
    expect(by['outages']!.symbol).toBe(20); // mean and p99 per signal
    expect(by['timeline']!.rect).toBe(8 + 6 + 30 + 1 + 2); // down spans, leaders, signals, thin ticks
    expect(by['timeline']!.rule).toBe(9); // 3 faults in 3 strips
    expect(by['cost']!.rect).toBe(4);
  });

  it('should draw a zoom panel around each scripted fault and the worst outage', async () => {
    // Arrange: the fixture without its dc-c outage, so that staging's 40-minute outage at 04:26
    // (the worst) lies outside every fault's panel and gets its own.
    const input = { scenario: { ...scenario, faults: scenario.faults.slice(0, 2) }, summary, rows, trace, traceReplication: 0 };
    await writeReportDir('test-output/report-zoom', await renderReportFiles(input));

    // Act
    const { errors, requests, charts } = await open(browser(), 'test-output/report-zoom/index.html', 'test-output/report-zoom.png', '#zoom');

    // Assert
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    const zoom = charts.filter((c) => c.id!.startsWith('zoom-'));
    expect(zoom.map((c) => [c.id, c.rendered, c.svgs])).toEqual([
      ['zoom-fault-1', 'true', 1],
      ['zoom-fault-2', 'true', 1],
      ['zoom-worst', 'true', 1],
    ]);
    const by = Object.fromEntries(zoom.map((c) => [c.id, c.marks]));
    // The crash (00:30 for 2h, ±30m): etcd-1 and worker-3 down, prod's two leaders and the
    // election, every signal's bars; its own fault line in each of three strips.
    expect(by['zoom-fault-1']!.rect).toBeGreaterThan(10);
    expect(by['zoom-fault-1']!.rule).toBe(3);
    // The partition (03:00 for 15m, ±5m): the partition row; its fault line in three strips.
    expect(by['zoom-fault-2']!.rule).toBe(3);
    // The worst outage: staging's server and its etcd member down, no fault line.
    expect(by['zoom-worst']!.rect).toBeGreaterThan(10);
    expect(by['zoom-worst']!.rule).toBe(0);
  });

  it('should draw the compare page offline, with no console error', async () => {
    await writeReportDir('test-output/compare', await renderCompareFiles(compareInput));
    const { errors, requests, charts } = await open(browser(), 'test-output/compare/index.html', 'test-output/compare.png');
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(charts.map((c) => [c.id, c.rendered, c.svgs])).toEqual([
      ['cost-vs-availability', 'true', 1],
      ['availability', 'true', 1],
      ['cost', 'true', 1],
    ]);
    expect(charts[0]!.marks.symbol).toBe(compareInput.entries.length);
    expect(charts[1]!.marks.symbol).toBe(compareInput.entries.length * 5);
  });
});
