/** `kubesim explain`: one replication narrated step by step, then a strip chart of the window, for teaching. */
import { DurationError, formatDuration, parseDuration, quoteName, type SimTime } from '../../kernel/index.js';
import { defaultJobs } from '../../experiment/pool.js';
import { runExperiment } from '../../experiment/runExperiment.js';
import type { Summary, WorstReplication } from '../../experiment/Summary.js';
import { clusterCost } from '../../report/cost.js';
import { formatSeconds } from '../../report/format.js';
import { didYouMean, listNames, ownEntry } from '../../scenario/index.js';
import type { Scenario } from '../../scenario/Scenario.js';
import { explanation, type Explanation } from '../../report/narrate/explanation.js';
import { stepJson } from '../../report/narrate/narrate.js';
import { InputError } from '../errors.js';
import { intFlag } from '../flags.js';
import { checkWork, type BudgetFlags } from '../workBudget.js';
import { loadWithOverrides } from '../scenarioInput.js';
import { clusterSignals } from '../signalNames.js';
import { stepThrough } from '../stepThrough.js';

export interface ExplainFlags extends BudgetFlags {
  readonly replication?: string;
  /**
   * Tell only the steps that move this signal or its causes (`apiWrite`, `prod/apiWrite`); with
   * `--replication worst`, also the signal whose worst replication to narrate.
   */
  readonly signal?: string;
  /** Name every worker instead of counting them by datacenter. */
  readonly verbose?: boolean;
  readonly jobs?: string;
  readonly seed?: string;
  readonly from?: string;
  readonly to?: string;
  readonly step?: boolean;
  readonly json?: boolean;
  readonly ascii?: boolean;
  readonly width?: string;
}

export async function explainCommand(file: string, flags: ExplainFlags): Promise<void> {
  const width = flags.width === undefined ? undefined : intFlag('--width', flags.width, 10, 1000);
  const [s] = loadWithOverrides([file], flags.seed === undefined ? {} : { seed: flags.seed });
  const scenario = s!;
  const worst = flags.replication === 'worst';
  const rep = worst || flags.replication === undefined ? 0 : intFlag('--replication', flags.replication, 0, scenario.replications - 1);
  const signal = worst || flags.signal !== undefined ? signalTarget(scenario, flags.signal ?? 'apiWrite') : undefined;
  const target = worst ? signal : undefined;
  const jobs = flags.jobs === undefined ? defaultJobs() : intFlag('--jobs', flags.jobs, 1, 256);
  const from = flags.from === undefined ? 0 : timeFlag('--from', flags.from);
  const to = flags.to === undefined ? scenario.horizon : timeFlag('--to', flags.to);
  if (to > scenario.horizon) throw new InputError(`--to: ${flags.to} is after the end of the run (${formatDuration(scenario.horizon)})`);
  if (!(from < to)) throw new InputError(`--from: expected a time before --to (${formatDuration(to)}), found ${flags.from}`);

  checkWork([{ scenario, replications: worst ? scenario.replications : 1 }], worst ? jobs : 1, flags);
  let replication = rep;
  let found = '';
  if (target) {
    const { summary } = await runExperiment(scenario, { costModel: clusterCost, jobs });
    const w = worstOf(summary, target);
    const label = `${target.cluster}/${target.signal}`;
    if (w === null) {
      found = `${label} was never down in ${scenario.replications} replication(s): replication 0 is narrated`;
    } else {
      replication = w.replication;
      found = `the worst of ${scenario.replications} replications for ${label}: replication ${w.replication}, down ${formatSeconds(w.downSeconds)} in ${w.outages} outage(s)`;
    }
  }
  const out = process.stdout;
  const color = out.isTTY === true && process.env['NO_COLOR'] === undefined && !flags.json;
  const e = explanation(scenario, {
    replication,
    from,
    to,
    chartWidth: width ?? Math.max(20, Math.min(100, (out.columns ?? 80) - 16)),
    unicode: flags.ascii !== true && utf8Locale(process.env),
    color,
    ...(flags.signal === undefined || signal === undefined ? {} : { signal }),
    verbose: flags.verbose === true,
  });
  if (flags.json) {
    for (const step of e.steps) out.write(`${JSON.stringify(stepJson(step))}\n`);
    return;
  }
  const show = (line: string) => `${color ? highlight(line) : line}\n`;
  out.write(`${e.heading}\n${found === '' ? '' : `${found}\n`}${e.kept === undefined ? '' : `${e.kept}\n`}\n`);
  if (flags.step && process.stdin.isTTY === true) {
    await stepThrough(stepFrames(e, show), process.stdin, out, process.stderr);
  } else {
    for (const line of e.lines) out.write(show(line));
  }
  out.write(`\n${e.chart}`);
}

/** A signal named alone (the first cluster that has it) or as `cluster/signal`, checked against the scenario before any work. */
function signalTarget(s: Scenario, name: string): { cluster: string; signal: string } {
  const slash = name.indexOf('/');
  const cluster = slash >= 0 ? name.slice(0, slash) : undefined;
  const signal = slash >= 0 ? name.slice(slash + 1) : name;
  const all = clusterSignals(s);
  const found = all.find((x) => x.signal === signal && (cluster === undefined || x.cluster === cluster));
  if (found) return found;
  const names = [...new Set(all.map((x) => x.signal))];
  if (cluster !== undefined && !all.some((x) => x.cluster === cluster)) {
    const clusters = [...new Set(all.map((x) => x.cluster))];
    throw new InputError(`--signal: ${quoteName(s.name)} has no cluster ${quoteName(cluster)}${didYouMean(cluster, clusters)} (its clusters: ${listNames(clusters)})`);
  }
  throw new InputError(`--signal: ${quoteName(s.name)} has no signal ${quoteName(name)}${didYouMean(signal, names)} (its signals: ${listNames(names)})`);
}

function worstOf(summary: Summary, target: { cluster: string; signal: string }): WorstReplication | null {
  return ownEntry(ownEntry(summary.clusters, target.cluster)?.signals, target.signal)?.worstReplication ?? null;
}

/**
 * What `--step` shows at each step: its line, then the strip chart of what happened so far, on
 * the whole window's scale. Not under the first step (nothing has happened yet) nor the last
 * (the whole chart follows it).
 */
export function stepFrames(e: Explanation, show: (line: string) => string): string[] {
  return e.steps.map((step, i) => (i === 0 || i === e.steps.length - 1 ? show(e.lines[i]!) : `${show(e.lines[i]!)}\n${e.chartSoFar(step.t)}\n`));
}

/** A time in the run: a duration since its start ("10m", "1h30m", "90"), zero allowed. */
function timeFlag(flag: string, value: string): SimTime {
  try {
    return parseDuration(value);
  } catch (e) {
    if (e instanceof DurationError) throw new InputError(`${flag}: ${e.message}`);
    throw e;
  }
}

/** Whether the locale says the terminal takes UTF-8 (LC_ALL, then LC_CTYPE, then LANG, as C does). */
export function utf8Locale(env: NodeJS.ProcessEnv): boolean {
  const locale = env['LC_ALL'] || env['LC_CTYPE'] || env['LANG'] || '';
  return /utf-?8/i.test(locale);
}

/** Colours the words that matter in a narrated line: losses red, recoveries green. */
function highlight(line: string): string {
  return line
    .replace(/QUORUM LOST|API writes fail|API writes wait for an election|cannot commit/g, (m) => `\x1b[1;31m${m}\x1b[0m`)
    .replace(/API writes work again|wins the election[^;:]*/g, (m) => `\x1b[1;32m${m}\x1b[0m`)
    .replace(/^t=\S+/, (m) => `\x1b[1m${m}\x1b[0m`);
}
