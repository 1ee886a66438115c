/** `kubesim compare`: several scenarios side by side, with the seed's properties measured by simulation. */
import { join } from 'node:path';
import { defaultJobs } from '../../experiment/pool.js';
import { probeProperties, type MeasuredProperties } from '../../experiment/probeProperties.js';
import { runExperiment } from '../../experiment/runExperiment.js';
import { runToPrecision } from '../../experiment/precision/runToPrecision.js';
import { replicationRows } from '../../experiment/aggregate.js';
// Not report/index.js: that brings the chart renderer and vega-lite (about 0.3 s), which only a report needs.
import { clusterCost } from '../../report/cost.js';
import { baselineOf, comparePoints, perAddedNine } from '../../report/comparePoints.js';
import { evidenceOf } from '../../report/evidence.js';
import { formatMoney, formatRate, formatSeconds } from '../../report/format.js';
import { precisionLine } from '../../report/precisionLine.js';
import type { CompareEntry } from '../../report/ReportInput.js';
import { compareJson } from '../../report/compareJson.js';
import { flagLines, legendLines } from '../../report/signalTable.js';
import { InputError } from '../errors.js';
import { intFlag } from '../flags.js';
import { precisionProgress, progress } from '../progress.js';
import { checkPrecisionSignals, parsePrecision, type PrecisionFlags } from '../precisionFlags.js';
import { checkWork, workReplications, type BudgetFlags } from '../workBudget.js';
import { loadWithOverrides, type OverrideFlags } from '../scenarioInput.js';
import { documentText, wantsWide, type OutputFlags } from '../outputFormat.js';
import { checkReportDir, wantsReport, writeReportDir } from '../writeReport.js';

export interface CompareFlags extends OverrideFlags, PrecisionFlags, BudgetFlags, OutputFlags {
  readonly out?: string;
  readonly jobs?: string;
  readonly report?: boolean;
}

export async function compareCommand(files: string[], flags: CompareFlags): Promise<void> {
  const jobs = flags.jobs === undefined ? defaultJobs() : intFlag('--jobs', flags.jobs, 1, 256);
  if (files.length < 2) throw new InputError(`compare: expected at least two scenario files, found ${files.length}`);
  const target = parsePrecision(flags);
  const scenarios = loadWithOverrides(files, flags);
  if (target) for (const s of scenarios) checkPrecisionSignals(target, s);
  const labels = uniqueLabels(scenarios.map((s) => s.name));
  const writeReport = wantsReport(flags);
  const dir = flags.out ?? join('reports', 'compare');
  if (writeReport) await checkReportDir(dir);
  checkWork(scenarios.map((s) => ({ scenario: s, replications: workReplications(s, target) })), jobs, flags);
  const entries: CompareEntry[] = [];
  for (const [i, s] of scenarios.entries()) {
    if (target) {
      const line = precisionProgress(s.name, target.relative);
      const r = await runToPrecision(s, { costModel: clusterCost, target, jobs, onBatch: (p) => line.update(p) });
      line.done();
      entries.push({ label: labels[i]!, scenario: s, summary: r.summary, rows: replicationRows(r.digests) });
      continue;
    }
    const bar = progress(s.name);
    const r = await runExperiment(s, { costModel: clusterCost, jobs, onProgress: (d, t) => bar.update(d, t) });
    bar.done();
    entries.push({ label: labels[i]!, scenario: s, summary: r.summary, rows: r.rows });
  }
  if (flags.json) {
    process.stdout.write(documentText(compareJson(entries), flags));
  }
  const measured = scenarios.map((s) => probeProperties(s));
  const columns = ['highly available', 'replicated config', 'namespace isolation'];
  const properties = {
    title: 'The seed\'s properties, measured',
    description:
      'Measured by simulation: each host (load balancers included) and each datacenter lost alone for an hour, watching the global service where clusters serve together and every other cluster\'s API (highly available: every one of them must survive); where configuration survives (replicated config); and each tenant running away or compromised (namespace isolation).',
    columns,
    rows: entries.map((e, i) => ({
      label: e.label,
      values: { [columns[0]!]: measured[i]!.highlyAvailable, [columns[1]!]: measured[i]!.replicatedConfig, [columns[2]!]: measured[i]!.namespaceIsolation },
    })),
  };
  if (writeReport) {
    const { renderCompareFiles } = await import('../../report/reportFiles.js');
    const files = await renderCompareFiles({
      kind: 'compare',
      title: `Comparison of ${entries.map((e) => e.label).join(', ')}`,
      entries,
      properties,
    });
    await writeReportDir(dir, files);
  }
  if (flags.json) return;
  process.stdout.write(comparisonTable(entries, measured, wantsWide(flags)));
  for (const e of entries) if (e.summary.precision) process.stdout.write(`${e.label}: ${precisionLine(e.summary.precision)}\n`);
  if (writeReport) process.stdout.write(`\nReport: ${join(dir, 'index.html')}\n`);
}

/**
 * One line per row of the comparison (comparePoints: a scenario, or each availability unit of a
 * scenario with several clusters): its signal with its trust tag, CI (or bound) and nines, the
 * exact value when known, the cost of the clusters behind that signal, the price of each added
 * nine over the cheapest row, and whether that signal survives the loss of any host; under the
 * table, why each flagged figure is flagged. `wide` (-o wide) adds the replications, and the
 * signal's downtime and outages per year, before the cost.
 */
function comparisonTable(entries: readonly CompareEntry[], measured: readonly MeasuredProperties[], wide: boolean): string {
  const points = comparePoints({ kind: 'compare', entries });
  const base = baselineOf('compare', points);
  const evidence = points.map((p) => (p.h ? evidenceOf(p.h.value) : undefined));
  const withTrust = evidence.some((e) => e !== undefined && e.tag !== '');
  const withExact = evidence.some((e) => e !== undefined && e.exact !== '');
  const head = ['scenario', 'signal', 'availability', ...(withTrust ? ['trust'] : []), '95% CI', 'nines', ...(withExact ? ['exact'] : []), ...(wide ? ['replications', 'downtime / yr', 'outages / yr'] : []), 'hosts', 'cost / month', 'per added nine', 'highly available'];
  const rows = points.map((p, i) => {
    const { entry: e, h } = p;
    const ev = evidence[i];
    const perNine = perAddedNine('compare', base, p);
    const m = measured[entries.indexOf(e)]!;
    const byUnit = m.highlyAvailableByUnit;
    const ha = byUnit.length > 1 ? (byUnit.find((u) => u.unit.cluster === h?.where)?.verdict ?? '-') : m.highlyAvailable;
    return [
      p.label,
      h ? `${h.where}/${h.signal}` : '-',
      ev ? ev.value : '-',
      ...(withTrust ? [ev?.tag ?? ''] : []),
      ev ? ev.interval : '-',
      ev ? ev.nines : '-',
      ...(withExact ? [ev && ev.exact !== '' ? ev.exact : '-'] : []),
      ...(wide ? [String(e.summary.replications), h ? formatSeconds(h.value.downtimeSecondsPerYear) : '-', h ? formatRate(h.value.outagesPerYear) : '-'] : []),
      String(p.hosts),
      formatMoney(p.cost, e.summary.cost.currency),
      perNine === 'baseline' ? '-' : perNine === null ? 'n/a' : typeof perNine === 'number' ? formatMoney(perNine, e.summary.cost.currency) : perNine,
      ha,
    ];
  });
  const table = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  const left = (i: number): boolean => i < 2 || head[i] === 'trust' || i === head.length - 1;
  const lines = table.map((r) => r.map((c, i) => (left(i) ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd());
  const flagged = points.flatMap((p, i) => (evidence[i] ? [{ label: p.label, evidence: evidence[i] }] : []));
  lines.push(...flagLines(flagged).map((f) => `! ${f}`), ...legendLines(flagged.map((f) => f.evidence)));
  if (points.length > entries.length) lines.push('A scenario with several clusters has a row per cluster (or global service): its availability, hosts and cost only.');
  return `${lines.join('\n')}\n`;
}

/** Scenario names as labels, numbered where two are alike. */
function uniqueLabels(names: readonly string[]): string[] {
  return names.map((n, i) => (names.indexOf(n) === i && names.lastIndexOf(n) === i ? n : `${n} (${i + 1})`));
}
