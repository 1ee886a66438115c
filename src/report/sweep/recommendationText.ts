/** The recommendation in words: which configuration to pick and why, or why none fits. */
import { ownEntry } from '../../scenario/nameRecord.js';
import { compareAvailability, describeObjective, rejectedCheaper, type Check, type GroupRecommendation, type SweepSummary } from '../../experiment/sweep/index.js';
import type { SignalSummary } from '../../experiment/Summary.js';
import { evidenceOf } from '../evidence.js';
import { formatMoney, formatPercent } from '../format.js';
import { paretoClasses } from '../paretoFront.js';
import { designPaths, signedMoney } from './decisionTable.js';
import { headlineAvailability, headlineSignal, headlineSummary } from './sweepAxes.js';
import { formatMs } from './sweepTable.js';

/** The objectives as asked: "apiWrite >= 99.99% and write p99 <= 100 ms". */
export function objectivesText(summary: SweepSummary): string {
  const o = summary.objectives;
  return [...o.availability.map((a) => `${a.signal} >= ${a.targetPercent}%`), ...(o.maxWriteP99Ms === null ? [] : [`write p99 <= ${o.maxWriteP99Ms} ms`])].join(' and ');
}

/**
 * One paragraph per line: for each group of given values (each worker count), the verdict first,
 * then the detail a design review asks for.
 */
export function recommendationLines(summary: SweepSummary): string[] {
  const groups = summary.recommendations;
  const money = (x: number) => formatMoney(x, summary.points[0]?.summary.cost.currency ?? 'USD');
  if (groups.every((g) => g.recommendation.kind === 'noObjectives')) {
    const signal = headlineSignal(summary);
    return [
      'No objectives given (--slo signal=percent, --max-write-p99 duration): no recommendation, only the configurations that no other beats on both cost and availability.',
      ...groups.map((g) => {
        const all = g.points.map((i) => {
          const p = summary.points[i]!;
          const s = headlineSummary(p, signal);
          return { label: p.label, cost: p.summary.cost.perMonth, availability: headlineAvailability(p, signal)?.mean ?? NaN, s };
        });
        // As the chart draws it: a gap the significance test calls noise decides nothing.
        const classes = paretoClasses(all, (a, b) => (a.s && b.s ? compareAvailability(a.s, b.s).significant : a.availability !== b.availability));
        const front = all.filter((_, k) => classes[k] === 'front').sort((a, b) => a.cost - b.cost);
        const figure = (s: SignalSummary | undefined): string => {
          if (s === undefined) return '—';
          const caveat = s.bound !== null ? '' : caveatOf(s);
          return `${evidenceOf(s).value}${caveat === '' ? '' : `, ${caveat}`}`;
        };
        return `Pareto front of cost against ${signal}${g.label === '' ? '' : ` at ${g.label}`}: ${front.map((p) => `${p.label} (${money(p.cost)}, ${figure(p.s)})`).join('; ')}.`;
      }),
    ];
  }
  // One statement for every worker count when the answer is the same at each; else one per worker count.
  const every = groups.length > 1 ? `at every ${everyLabel(summary)}` : '';
  const shared = groups.map((g) => decisionLines(summary, g, every, money, false));
  const same = groups.length > 1 && shared.every((l) => JSON.stringify(l) === JSON.stringify(shared[0]));
  const decision = same ? shared[0]! : groups.flatMap((g) => decisionLines(summary, g, g.label === '' ? '' : `at ${g.label}`, money, true));
  const cautions = groups.map((g) => cautionLines(summary, g, groups.length > 1 ? ` ${every}` : ''));
  const sameCautions = groups.length > 1 && cautions.every((l) => JSON.stringify(l) === JSON.stringify(cautions[0]));
  return [...decision, ...(sameCautions ? cautions[0]! : groups.flatMap((g) => cautionLines(summary, g, groups.length > 1 ? ` at ${g.label}` : '')))];
}

/** "workers.nodes (100, 500, 2000)": the given paths and their values over the groups. */
function everyLabel(summary: SweepSummary): string {
  return summary.given
    .map((path) => `${path} (${[...new Set(summary.recommendations.map((g) => show(g.given[path])))].join(', ')})`)
    .join(' × ');
}

function show(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** A point's design values only ("etcd.members=3, etcd.topology=stacked"); its label when nothing is swept but the load. */
function designOf(summary: SweepSummary, i: number): string {
  const p = summary.points[i]!;
  const paths = designPaths(summary);
  return paths.length === 0 ? p.label : paths.map((path) => `${path}=${show(p.values[path])}`).join(', ');
}

/**
 * The decision in words, `where` the group ("at workers.nodes=100", or "at every workers.nodes
 * (…)"). Without `figures`, only what holds at every size (which design, which are
 * indistinguishable): the per-size figures are the decision table's.
 */
function decisionLines(summary: SweepSummary, g: GroupRecommendation, where: string, money: (x: number) => string, figures: boolean): string[] {
  const r = g.recommendation;
  const at = where === '' ? '' : ` ${where}`;
  if (r.kind === 'noObjectives') return [];
  if (r.kind === 'none') {
    const failing = r.failing.map((c) => `${describeObjective(c)}${figures ? `: ${checkText(c, signalOf(summary, r.closest, c))}` : ''}`).join('; ');
    const best = r.best
      .map((b) => `${b.objective}: best ${b.value === null ? 'saturated everywhere' : b.objective.startsWith('write') ? formatMs(b.value) : formatPercent(b.value / 100)} at ${b.label}`)
      .join('; ');
    return [
      `No configuration${figures ? ` of the ${r.of}` : ''}${at} meets ${objectivesText(summary)}.`,
      `Closest${at}: ${designOf(summary, r.closest)}, which misses ${failing}.`,
      ...(figures ? [`Best reached per objective${at}: ${best}.`] : []),
    ];
  }
  const p = summary.points[r.point]!;
  const untrustedChecks = p.verdict.checks.filter((c) => untrusted(signalOf(summary, r.point, c)));
  const levels = [...new Set(untrustedChecks.map((c) => TRUST_WORDS[signalOf(summary, r.point, c)!.trust.level]))];
  const reaches = figures
    ? ` It reaches ${p.verdict.checks.map((c) => checkText(c, signalOf(summary, r.point, c))).join('; ')}.`
    : levels.length > 0
      ? ` Its figures rest on thin evidence (${levels.join('; ')}): see Trust in the table.`
      : '';
  const which = figures ? `the cheapest of the ${r.meeting} of ${r.of} configurations that meet` : 'the cheapest configuration that meets';
  const lines = [`Recommendation${at}: ${designOf(summary, r.point)}${figures ? `, ${money(r.costPerMonth)} per month` : ''}: ${which} ${objectivesText(summary)}.${reaches}`];
  const signal = headlineSignal(summary);
  const costlier = g.alternatives.filter((a) => a.costDeltaPerMonth >= 0 && summary.points[a.point]!.verdict.met);
  const same = costlier.filter((a) => a.significant === false);
  const better = costlier.filter((a) => a.significant === true && (a.ninesDelta ?? 0) > 0);
  if (g.runnerUp !== null) {
    const u = g.alternatives.find((a) => a.point === g.runnerUp)!;
    const cost = u.costDeltaPerMonth === 0 ? 'at the same cost' : `${signedMoney(u.costDeltaPerMonth, money)} a month`;
    lines.push(`Runner-up${at}: ${designOf(summary, u.point)}${figures ? `, ${cost}` : ''}.`);
  }
  if (same.length > 0) {
    const names = same.map((a) => designOf(summary, a.point));
    lines.push(
      `${listOf([designOf(summary, r.point), ...names])} are indistinguishable at this precision (${signal}, 95%): paying more buys nothing measurable; choose on cost.`,
    );
  }
  if (better.length > 0 && figures) {
    lines.push(`Measurably more available${at}: ${better.map((a) => `${designOf(summary, a.point)} (+${(a.ninesDelta ?? 0).toFixed(2)} nines for ${signedMoney(a.costDeltaPerMonth, money)} a month)`).join('; ')}.`);
  } else if (better.length > 0) {
    lines.push(`Measurably more available, for more money: ${better.map((a) => designOf(summary, a.point)).join('; ')} (see the decision table).`);
  }
  return lines;
}

/** "a and b", "a, b and c"; designs that hold commas themselves are separated by semicolons. */
function listOf(names: readonly string[]): string {
  if (names.length < 2) return names.join('');
  const sep = names.some((n) => n.includes(',')) ? '; ' : ', ';
  return `${names.slice(0, -1).join(sep)}${names.length > 2 ? sep.trim() : ''} and ${names[names.length - 1]}`;
}

/** Cheaper points turned down on thin evidence: the recommendation must say so. */
function cautionLines(summary: SweepSummary, g: GroupRecommendation, at: string): string[] {
  const r = g.recommendation;
  if (r.kind !== 'cheapest') return [];
  const candidates = g.points.map((i) => {
    const q = summary.points[i]!;
    return { index: i, label: q.label, costPerMonth: q.summary.cost.perMonth, availability: NaN, verdict: q.verdict };
  });
  const lines: string[] = [];
  for (const i of rejectedCheaper(candidates, r)) {
    const q = summary.points[i]!;
    const thin = q.verdict.checks.filter((c) => !c.met && c.kind === 'availability' && untrusted(signalOf(summary, i, c)));
    if (thin.length === 0) continue;
    lines.push(
      `Caution${at}: the cheaper ${designOf(summary, i)} was rejected on thin evidence: it misses ${thin.map((c) => `${describeObjective(c)} with ${checkText(c, signalOf(summary, i, c))}`).join('; ')}. Run more replications or a longer horizon before ruling it out.`,
    );
  }
  return lines;
}

/** A trust level in a few words that do not depend on counts (so that sizes with the same level share a line). */
const TRUST_WORDS = {
  ok: 'ok',
  'few-outages': 'few outages: rough',
  'no-outages': 'no outage seen: a bound',
  dominated: 'a few outages hold most of the downtime',
  'single-replication': 'one replication: no CI',
} as const;

/** The signal an availability check was made on, at one point of the grid. */
function signalOf(summary: SweepSummary, point: number, c: Check): SignalSummary | undefined {
  if (c.kind !== 'availability') return undefined;
  const s = summary.points[point]?.summary;
  if (!s) return undefined;
  return c.where === 'global' ? ownEntry(s.global.signals, c.signal) : ownEntry(ownEntry(s.clusters, c.where)?.signals, c.signal);
}

function untrusted(s: SignalSummary | undefined): boolean {
  return s !== undefined && s.trust.level !== 'ok';
}

/** What a figure that is not trusted rests on, in a few words: "rests on 2 outages: rough". */
export function caveatOf(s: SignalSummary): string {
  const n = s.trust.outages;
  switch (s.trust.level) {
    case 'ok':
      return '';
    case 'few-outages':
      return s.trust.basis === 'etcdQuorum' ? `rests on ${n} quorum loss${n === 1 ? '' : 'es'}: rough` : `rests on ${n} outage${n === 1 ? '' : 's'}: rough`;
    case 'no-outages':
      return 'no outage seen: a bound, not an estimate';
    case 'dominated':
      return `dominated: a few of ${n} outages hold most of the downtime`;
    case 'single-replication':
      return 'one replication: no CI';
  }
}

/**
 * A check's figure: "prod apiWrite 99.995% (95% CI 99.993–99.998%)", with what an untrusted
 * figure rests on ("…; rests on 2 outages: rough"), "prod write p99 52.4 ms". Without the signal's
 * summary, the mean and the CI's low end.
 */
export function checkText(c: Check, s?: SignalSummary): string {
  if (c.kind === 'availability') {
    if (Number.isNaN(c.valuePercent)) return `no ${c.signal} signal`;
    if (s !== undefined) {
      const e = evidenceOf(s);
      const caveat = s.bound !== null ? '' : caveatOf(s);
      const inner = s.bound !== null ? e.interval : s.availability.ci95 === null ? e.interval : `95% CI ${e.interval}`;
      return `${c.where} ${c.signal} ${e.value} (${inner}${caveat === '' ? '' : `; ${caveat}`})`;
    }
    const low = Number.isNaN(c.ci95LowPercent) ? 'no CI' : `95% CI from ${formatPercent(c.ci95LowPercent / 100)}`;
    return `${c.where} ${c.signal} ${formatPercent(c.valuePercent / 100)} (${low})`;
  }
  return `${c.where} write p99 ${formatMs(c.valueMs)}`;
}
