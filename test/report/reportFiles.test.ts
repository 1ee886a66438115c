import { describe, expect, it } from 'vitest';
import { renderCompareFiles, renderReportFiles } from '../../src/report/reportFiles.js';
import { compareInput, rows, scenario, summary, trace } from './fixtures.js';

describe('renderReportFiles', () => {
  it('should hold the page, the tables, the data and every chart as SVG and as a spec', async () => {
    const files = await renderReportFiles({ scenario, summary, rows, trace });
    expect(Object.keys(files).sort()).toEqual([
      'charts/availability.svg',
      'charts/availability.vl.json',
      'charts/cost.svg',
      'charts/cost.vl.json',
      'charts/outages.svg',
      'charts/outages.vl.json',
      'charts/timeline.svg',
      'charts/timeline.vl.json',
      // A zoom panel per scripted fault of the fixture (its worst outage lies in the third).
      'charts/zoom-fault-1.svg',
      'charts/zoom-fault-1.vl.json',
      'charts/zoom-fault-2.svg',
      'charts/zoom-fault-2.vl.json',
      'charts/zoom-fault-3.svg',
      'charts/zoom-fault-3.vl.json',
      'index.html',
      'signals.csv',
      'summary.json',
      'summary.md',
    ]);
    expect(JSON.parse(files['summary.json']!)).toEqual(summary);
    for (const [name, text] of Object.entries(files)) if (name.endsWith('.svg')) expect(text, name).toMatch(/^<svg[\s\S]*<\/svg>$/);
  });

  it('should leave the timeline out without a trace', async () => {
    const files = await renderReportFiles({ scenario, summary, rows });
    expect(Object.keys(files).filter((f) => f.includes('timeline') || f.includes('zoom'))).toEqual([]);
    expect(files['index.html']).not.toContain('id="zoom"');
    expect(files['index.html']).not.toContain('data-chart="timeline"');
  });

  it('should hold the compare page, its tables, the summaries and its charts', async () => {
    const files = await renderCompareFiles(compareInput);
    expect(Object.keys(files).sort()).toEqual([
      'charts/availability.svg',
      'charts/availability.vl.json',
      'charts/cost-vs-availability.svg',
      'charts/cost-vs-availability.vl.json',
      'charts/cost.svg',
      'charts/cost.vl.json',
      'index.html',
      'summary.json',
      'summary.md',
    ]);
    expect(JSON.parse(files['summary.json']!).map((e: { label: string }) => e.label)).toEqual(compareInput.entries.map((e) => e.label));
  });

  it('should write the rows of every compared scenario to signals.csv, led by its label', async () => {
    const entries = compareInput.entries.map((e) => ({ ...e, rows }));
    const files = await renderCompareFiles({ ...compareInput, entries });
    const lines = files['signals.csv']!.trimEnd().split('\n');
    expect(lines[0]).toBe('scenario,replication,cluster,signal,availability,upSeconds,downSeconds,outages,longestOutageSeconds');
    expect(lines).toHaveLength(1 + entries.length * rows.length);
    expect(lines[1]!.startsWith(`${entries[0]!.label},`)).toBe(true);
    expect(lines.at(-1)!.startsWith(`${entries.at(-1)!.label},`)).toBe(true);
  });
});
