import { describe, expect, it } from 'vitest';
import { renderTerminalTable } from '../../src/report/renderTerminalTable.js';
import { signal, summary } from './fixtures.js';

const ANSI = /\u001b\[[0-9;]*m/g;

describe('renderTerminalTable', () => {
  it('should print one aligned table per cluster with no colour unless asked', () => {
    const text = renderTerminalTable(summary, { color: false });
    expect(text).not.toMatch(ANSI);
    const lines = text.split('\n');
    expect(lines[0]).toBe('prod (multi-master)');
    const header = lines[1]!;
    expect(header).toMatch(/^Signal\s+Availability\s+95% CI\s+Nines\s+Downtime \/ yr\s+Outages \/ yr\s+Mean outage\s+p99 outage$/);
    // Numbers are right-aligned: every row of the table ends its availability cell where the header does.
    const end = header.indexOf('Availability') + 'Availability'.length;
    for (const line of lines.slice(2, 7)) expect(line.slice(end - 1, end)).toBe('%');
    expect(lines[2]).toMatch(/^etcdQuorum\s+99\.9987%\s+99\.9982–99\.9992%\s+4\.89\s+6m 50s\s+0\.90\s+7m 35s\s+40m$/);
    expect(text).toContain('staging (single-server)');
    expect(text).toContain('Cost: $33,861.05 per month, plus $5,650.20 of expected apiWrite downtime');
  });

  it('should colour availability by its nines when asked, keeping the same text', () => {
    const coloured = renderTerminalTable(summary, { color: true });
    expect(coloured).toMatch(ANSI);
    expect(coloured).toContain('    \u001b[32m99.9987%\u001b[0m'); // green: 4.89 nines
    expect(coloured).toContain('\u001b[33m99.975%\u001b[0m'); // yellow: 3.60 nines
    expect(coloured).toContain('\u001b[31m99.76%\u001b[0m'); // red: 2.62 nines
    expect(coloured.replace(ANSI, '')).toBe(renderTerminalTable(summary, { color: false }));
  });

  it('should say which signals were seen down too few times for their CI to be trusted', () => {
    // 0.2 outages a year over 20 one-year replications: 4 outages in all.
    const prod = summary.clusters['prod']!;
    const rare = { ...summary, clusters: { ...summary.clusters, prod: { ...prod, signals: { ...prod.signals, etcdQuorum: signal(0.99999, 0.000005, 0.2, 455, 600) } } } };
    const text = renderTerminalTable(rare, { color: false });
    expect(text).toContain('Few outages in all runs: etcdQuorum (4): too few for their 95% CI to be trusted; run more replications or a longer horizon');
    expect(renderTerminalTable(summary, { color: false })).not.toContain('Few outages');
  });
});
