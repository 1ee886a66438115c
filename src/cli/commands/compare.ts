/** `kubesim compare`: several scenarios side by side, with the seed's properties measured by simulation. */
import { join } from 'node:path';
import { defaultJobs } from '../../experiment/pool.js';
import { probeProperties } from '../../experiment/probeProperties.js';
import { runExperiment } from '../../experiment/runExperiment.js';
import { runToPrecision } from '../../experiment/precision/runToPrecision.js';
import { replicationRows } from '../../experiment/aggregate.js';
import { clusterCost, costPerAddedNine, formatInterval, formatMoney, formatNines, formatPercent, headlineOf, compareJson, renderCompareFiles, type CompareEntry } from '../../report/index.js';
import { InputError } from '../errors.js';
import { intFlag } from '../flags.js';
import { precisionProgress, progress } from '../progress.js';
import { checkPrecisionSignals, parsePrecision, type PrecisionFlags } from '../precisionFlags.js';
import { loadWithOverrides, type OverrideFlags } from '../scenarioInput.js';
import { checkReportDir, wantsReport, writeReportDir } from '../writeReport.js';

export interface CompareFlags extends OverrideFlags, PrecisionFlags {
  readonly out?: string;
  readonly json?: boolean;
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
    process.stdout.write(compareJson(entries));
  }
  const measured = scenarios.map((s) => probeProperties(s));
  const columns = ['highly available', 'replicated config', 'namespace isolation'];
  const properties = {
    title: 'The seed\'s properties, measured',
    description:
      'Measured by simulation: each host and datacenter lost alone for an hour (highly available), where configuration survives (replicated config), and each tenant running away or compromised (namespace isolation).',
    columns,
    rows: entries.map((e, i) => ({
      label: e.label,
      values: { [columns[0]!]: measured[i]!.highlyAvailable, [columns[1]!]: measured[i]!.replicatedConfig, [columns[2]!]: measured[i]!.namespaceIsolation },
    })),
  };
  if (writeReport) {
    const global = entries.every((e) => e.summary.global.signals['service']);
    const files = await renderCompareFiles({
      kind: 'compare',
      title: `Comparison of ${entries.map((e) => e.label).join(', ')}`,
      entries,
      properties,
      ...(global ? { headline: { cluster: 'global', signal: 'service' } } : {}),
    });
    await writeReportDir(dir, files);
  }
  if (flags.json) return;
  process.stdout.write(comparisonTable(entries, measured.map((m) => m.highlyAvailable)));
  if (writeReport) process.stdout.write(`\nReport: ${join(dir, 'index.html')}\n`);
}

/** One line per scenario: its headline signal, cost, and the price of each added nine over the cheapest. */
function comparisonTable(entries: readonly CompareEntry[], ha: readonly string[]): string {
  const cheapest = [...entries].sort((a, b) => a.summary.cost.perMonth - b.summary.cost.perMonth)[0]!;
  const base = headline(cheapest.summary);
  const head = ['scenario', 'signal', 'availability', '95% CI', 'nines', 'cost / month', 'per added nine', 'highly available'];
  const rows = entries.map((e, i) => {
    const h = headline(e.summary);
    let perNine = '-';
    if (e !== cheapest && h && base) {
      const fewer = h.value.availability.mean < base.value.availability.mean;
      const v = costPerAddedNine({ cost: cheapest.summary.cost.perMonth, availability: base.value.availability.mean }, { cost: e.summary.cost.perMonth, availability: h.value.availability.mean });
      perNine = fewer ? 'fewer nines' : v === null ? 'n/a' : formatMoney(v, e.summary.cost.currency);
    }
    return [
      e.label,
      h ? `${h.where}/${h.signal}` : '-',
      h ? formatPercent(h.value.availability.mean) : '-',
      h ? formatInterval(h.value.availability.ci95) : '-',
      h ? formatNines(h.value.nines) : '-',
      formatMoney(e.summary.cost.perMonth, e.summary.cost.currency),
      perNine,
      ha[i]!,
    ];
  });
  const table = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  const lines = table.map((r) => r.map((c, i) => (i >= 2 && i <= 6 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd());
  return `${lines.join('\n')}\n`;
}

/** What stands for a scenario: the global service when several clusters serve it, else the first cluster's apiWrite. */
function headline(summary: CompareEntry['summary']) {
  return summary.global.signals['service'] ? headlineOf(summary, { signal: 'service', cluster: 'global' }) : headlineOf(summary);
}

/** Scenario names as labels, numbered where two are alike. */
function uniqueLabels(names: readonly string[]): string[] {
  return names.map((n, i) => (names.indexOf(n) === i && names.lastIndexOf(n) === i ? n : `${n} (${i + 1})`));
}
