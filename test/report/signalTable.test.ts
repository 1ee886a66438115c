import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/renderHtml.js';
import { renderMarkdown } from '../../src/report/renderMarkdown.js';
import { evidenceOf } from '../../src/report/evidence.js';
import { flagLines, signalTables } from '../../src/report/signalTable.js';
import { dominated, flaggedSummary, rows, scenario, signal, summary } from './fixtures.js';

describe('signal tables with their evidence', () => {
  it('should add the Trust and Exact columns only to tables that need them', () => {
    const [prod, staging] = signalTables(flaggedSummary);
    expect(prod!.head).toEqual(['Signal', 'Availability', 'Trust', '95% CI', 'Nines', 'Exact', 'Downtime / yr', 'Outages / yr', 'Mean outage', 'p99 outage']);
    // staging: every signal saw at least 182 outages (9.1 a year × 20 runs) and none has an exact value.
    expect(staging!.head).not.toContain('Trust');
    expect(staging!.head).not.toContain('Exact');
    expect(signalTables(summary)[0]!.flags).toEqual([]);
  });

  it('should show the tag in the Markdown row and the reason in a list under the table', () => {
    const md = renderMarkdown({ scenario, summary: flaggedSummary, rows });
    expect(md).toContain('| apiWrite | 99.9990% | few outages (4) | 99.9985–99.9995% |');
    expect(md).toContain('| etcdQuorum | ≥ 99.99993% | no outages | 95% bound, no outage in 1,000 y | ≥ 6.1 | — |');
    expect(md).toContain('- ⚠ apiWrite, few outages (4) — only 4 outages observed (fewer than 10): the interval is rough');
    expect(md).toContain('- IS: importance sampling (rare-event method)');
    expect(md).not.toMatch(/100%|∞/);
  });

  it('should give the HTML tag its reason on hover and list the reasons under the table', () => {
    const html = renderHtml({ scenario, summary: flaggedSummary, rows }, []);
    expect(html).toContain('<td class="trust flag" title="only 4 outages observed (fewer than 10): the interval is rough">few outages (4)</td>');
    expect(html).toContain('<td class="num flag" title="outside CI: the exact steady-state value (kubesim analytic) lies outside the simulated 95% CI">99.985% (outside CI)</td>');
    expect(html).toMatch(/<ul class="flags"><li><span class="flag-mark" aria-hidden="true">⚠<\/span> etcdQuorum, no outages — /);
    expect(html).toContain('<li class="legend">IS: importance sampling (rare-event method)</li>');
  });

  it('should list the rows that share a flag once, with "; " between labels that are lists themselves', () => {
    // Arrange: two sweep points and two plain rows, each pair with the same tag and reason.
    const e = evidenceOf(dominated(signal(0.9999, 0.00005, 2, 600, 1200), 0.9));
    // Act
    const sweep = flagLines([
      { label: 'etcd.members=3, workers.nodes=100', evidence: e },
      { label: 'etcd.members=3, workers.nodes=1000', evidence: e },
    ]);
    const plain = flagLines([
      { label: 'apiWrite', evidence: e },
      { label: 'apiRead', evidence: e },
    ]);
    // Assert
    expect(sweep).toEqual([`etcd.members=3, workers.nodes=100; etcd.members=3, workers.nodes=1000: dominated — ${e.reason}`]);
    expect(plain).toEqual([`apiWrite, apiRead: dominated — ${e.reason}`]);
  });
});
