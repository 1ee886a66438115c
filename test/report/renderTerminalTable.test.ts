import { describe, expect, it } from 'vitest';
import { renderTerminalTable } from '../../src/report/renderTerminalTable.js';
import { withQuorumEvidence } from '../../src/experiment/quorumEvidence.js';
import type { Summary } from '../../src/experiment/Summary.js';
import { flaggedSummary, neverDown, summary } from './fixtures.js';

const ANSI = /\u001b\[[0-9;]*m/g;

describe('renderTerminalTable', () => {
  it('should print one aligned table per cluster with no colour unless asked', () => {
    const text = renderTerminalTable(summary, { color: false });
    expect(text).not.toMatch(ANSI);
    const lines = text.split('\n');
    expect(lines[0]).toBe('prod (multi-master)');
    const header = lines[1]!;
    // Every signal of the fixture is trusted and none has an exact value: no Trust nor Exact column.
    expect(header).toMatch(/^Signal\s+Availability\s+95% CI\s+Nines\s+Downtime \/ yr\s+Outages \/ yr\s+Mean outage\s+p99 outage$/);
    // Numbers are right-aligned: every row of the table ends its availability cell where the header does.
    const end = header.indexOf('Availability') + 'Availability'.length;
    for (const line of lines.slice(2, 7)) expect(line.slice(end - 1, end)).toBe('%');
    // 99.9987% ± 0.0005%: four decimals; nines 4.886 with its lower end at 4.745: one decimal.
    expect(lines[2]).toMatch(/^etcdQuorum\s+99\.9987%\s+99\.9982–99\.9992%\s+4\.9\s+6m 50s\s+0\.90\s+7m 35s\s+40m$/);
    expect(text).toContain('staging (single-server)');
    expect(text).toContain('Cost: $33,861.05 per month, plus $5,650.20 of expected apiWrite downtime');
  });

  it('should add the longest outage, the outages seen and the method with wide, the rest of each row unchanged', () => {
    // Act
    const narrow = renderTerminalTable(summary, { color: false }).split('\n');
    const wide = renderTerminalTable(summary, { color: false, wide: true }).split('\n');
    // Assert
    expect(wide[1]).toMatch(/p99 outage\s+Longest outage\s+Outages seen\s+Method$/);
    const etcd = summary.clusters['prod']!.signals['etcdQuorum']!;
    expect(wide[2]!.startsWith(narrow[2]!)).toBe(true);
    expect(wide[2]!.slice(narrow[2]!.length)).toMatch(new RegExp(`^\\s+\\S.*\\s${etcd.trust.outages}\\s+${etcd.method}$`));
  });

  it('should count the signal\u2019s own outages in Outages seen, not the quorum losses its verdict rests on', () => {
    // Arrange: etcdQuorum never down in the 20 years, so apiWrite and scheduling rest on its 0 quorum losses.
    const prod = summary.clusters['prod']!;
    const signals = withQuorumEvidence({ ...prod.signals, etcdQuorum: neverDown(20, 3600) });
    const s: Summary = { ...summary, clusters: { prod: { ...prod, signals } } };
    expect(signals['apiWrite']!.trust).toMatchObject({ basis: 'etcdQuorum', outages: 0 });
    // Act
    const lines = renderTerminalTable(s, { color: false, wide: true }).split('\n');
    // Assert: 5.2 and 6.3 outages a year over 20 one-year replications: 104 and 126, beside "no quorum loss seen".
    expect(lines.find((l) => l.startsWith('apiWrite'))).toMatch(/no quorum loss seen.*\s104\s+naive$/);
    expect(lines.find((l) => l.startsWith('scheduling'))).toMatch(/no quorum loss seen.*\s126\s+naive$/);
    expect(lines.find((l) => l.startsWith('etcdQuorum'))).toMatch(/\s0\s+naive$/);
  });

  it('should colour availability by its nines when asked, keeping the same text', () => {
    const coloured = renderTerminalTable(summary, { color: true });
    expect(coloured).toMatch(ANSI);
    expect(coloured).toContain('    \u001b[32m99.9987%\u001b[0m'); // green: 4.89 nines
    expect(coloured).toContain('\u001b[33m99.975%\u001b[0m'); // yellow: 3.60 nines
    expect(coloured).toContain('\u001b[31m99.76%\u001b[0m'); // red: 2.62 nines
    expect(coloured.replace(ANSI, '')).toBe(renderTerminalTable(summary, { color: false }));
  });

  it('should tag each untrusted signal beside its number and give the reasons under the table', () => {
    const flagged = flaggedSummary;
    const text = renderTerminalTable(flagged, { color: false });
    const lines = text.split('\n');
    expect(lines[1]).toMatch(/^Signal\s+Availability\s+Trust\s+95% CI\s+Nines\s+Exact\s+Downtime/);
    expect(lines[2]).toMatch(/^etcdQuorum\s+≥ 99\.99993%\s+no outages\s+95% bound, no outage in 1,000 y\s+≥ 6\.1\s+—\s+0s\s+0\s+—\s+—$/);
    expect(lines[3]).toMatch(/^apiWrite\s+99\.9990%\s+few outages \(4\)\s+99\.9985–99\.9995%/);
    expect(lines[4]).toMatch(/^apiRead\s+99\.9930%\s+1 replication\s+no CI \(1 replication\)\s+4\.2\s/);
    expect(lines[5]).toMatch(/^scheduling\s+99\.989%\s+dominated\s+99\.985–99\.993%/);
    // The exact 99.985% is above the CI 99.967–99.983%; importance sampling has no p99.
    expect(lines[6]).toMatch(/^workloads\s+99\.975% IS\s+99\.967–99\.983%\s+3\.6\s+99\.985% \(outside CI\)\s+.*\s+—$/);
    expect(text).toContain('! apiWrite, few outages (4) — only 4 outages observed (fewer than 10): the interval is rough');
    expect(text).toContain('! apiRead, 1 replication — one replication: no spread to estimate a confidence interval from');
    expect(text).toContain('! scheduling, dominated — the 3 longest of 126 outages hold 72% of the downtime');
    expect(text).toContain('IS: importance sampling (rare-event method)');
    expect(text).toContain('outside CI: the exact steady-state value');
    expect(text).not.toMatch(/100%|∞/);
    // A trusted table has no marks to explain.
    expect(renderTerminalTable(summary, { color: false })).not.toMatch(/^! /m);
  });
});
