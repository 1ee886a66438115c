/** `kubesim fit`: failure and repair distributions by role from outage records, for a scenario's `failures:` block. */
import { MIN_EVENTS, type DurationFit } from '../../fit/fitDurations.js';
import { fitRoles, type RoleFit } from '../../fit/fitRoles.js';
import { fitWork } from '../../fit/fitWork.js';
import { readCsv } from '../../fit/records/readCsv.js';
import { readPrometheus } from '../../fit/records/readPrometheus.js';
import { RecordError } from '../../fit/records/RecordError.js';
import type { RecordsByRole, SourceSummary, WindowFlags } from '../../fit/records/RoleRecords.js';
import { parseTimestamp } from '../../fit/records/parseTimestamp.js';
import type { RoleMap } from '../../fit/records/roles.js';
import { scenarioFailures } from '../../fit/scenarioFailures.js';
import { KUBESIM_VERSION } from '../../experiment/version.js';
import { quoteValue } from '../../kernel/index.js';
import { fitJson } from '../../report/fit/fitJson.js';
import type { FitInput } from '../../report/fit/FitInput.js';
import { renderFitTerminal } from '../../report/fit/renderFitTerminal.js';
import { ROLES, type Role } from '../../scenario/Scenario.js';
import { InputError } from '../errors.js';
import { checkInto, planInto, writeInto } from '../fitInto.js';
import { intFlag, seedFlag } from '../flags.js';
import { readInputFile } from '../inputFile.js';
import { checkReportDir, writeReportDir } from '../writeReport.js';
import { checkFitWork, maxWorkFlag, type BudgetFlags } from '../workBudget.js';
import { join } from 'node:path';

export interface FitFlags extends BudgetFlags {
  readonly windowStart?: string;
  readonly windowEnd?: string;
  readonly roleLabel?: string;
  readonly componentLabel?: string;
  readonly map?: readonly string[];
  readonly seed?: string;
  readonly bootstrap?: string;
  readonly into?: string;
  readonly out?: string;
  readonly json?: boolean;
}

export const DEFAULT_FIT_SEED = 42;
/** Bootstrap samples of each KS test: p-values to about ±0.03 near 0.5, and a few seconds for every family of a few roles. */
export const DEFAULT_BOOTSTRAP = 200;
/**
 * The largest records file read: 16 MiB. Prometheus returns at most 11,000 points per series in
 * one range query, about 190 KB of JSON: some 90 series of that length fit.
 */
const MAX_RECORDS_BYTES = 16 * 1024 * 1024;

export async function fitCommand(files: string[], flags: FitFlags): Promise<void> {
  const seed = flags.seed === undefined ? DEFAULT_FIT_SEED : seedFlag(flags.seed);
  const bootstrap = flags.bootstrap === undefined ? DEFAULT_BOOTSTRAP : intFlag('--bootstrap', flags.bootstrap, 0, 100_000);
  const window = windowFlags(flags);
  maxWorkFlag(flags.maxWork);
  const map = mapFlag(flags.map ?? []);
  if (flags.out !== undefined) await checkReportDir(flags.out);
  if (flags.into !== undefined) checkInto(flags.into);
  const byRole: RecordsByRole = new Map();
  const sources: SourceSummary[] = [];
  for (const file of files) {
    const text = readInputFile(file, MAX_RECORDS_BYTES, { noun: 'outage records', text: 'CSV or JSON text' });
    try {
      sources.push(
        isPrometheus(file, text)
          ? readPrometheus(text, file, map, { roleLabel: flags.roleLabel ?? 'job', componentLabel: flags.componentLabel ?? 'instance' }, byRole, window)
          : readCsv(text, file, map, window, byRole),
      );
    } catch (e) {
      if (e instanceof RecordError) throw new InputError(e.message);
      throw e;
    }
  }
  // Reading is cheap beside fitting (16 MiB at most): the estimate needs the periods it found.
  checkFitWork(fitWork(byRole, bootstrap), bootstrap, flags);
  const fits = fitRoles(byRole, { seed, bootstrap });
  const failures = scenarioFailures(fits);
  if (Object.keys(failures).length === 0) throw new InputError(tooFew(fits));
  const plan = flags.into === undefined ? undefined : planInto(flags.into, failures);
  const input: FitInput = { kubesim: KUBESIM_VERSION, sources, fits, seed, bootstrap };
  if (flags.out !== undefined) {
    // Loaded here: the page brings vega-lite (about 0.3 s), which a fit without --out never needs.
    const { renderFitHtml } = await import('../../report/fit/renderFitHtml.js');
    await writeReportDir(flags.out, { 'index.html': renderFitHtml(input), 'fit.json': `${JSON.stringify(fitJson(input), null, 2)}\n` });
  }
  if (plan !== undefined) await writeInto(plan);
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(fitJson(input), null, 2)}\n`);
    return;
  }
  process.stdout.write(renderFitTerminal(input));
  if (plan !== undefined) {
    process.stdout.write(`\nWrote spec.failures (${Object.keys(failures).join(', ')}) into ${flags.into}\n`);
    for (const o of plan.overridden) process.stdout.write(`Note: cluster ${o.split('/')[0]} sets its own failures for ${o.split('/')[1]}, which take precedence over spec.failures there.\n`);
  }
  if (flags.out !== undefined) process.stdout.write(`\nReport: ${join(flags.out, 'index.html')}\n`);
}

/** Prometheus JSON by its extension, or by a first character `{` (a CSV header never starts with one). */
function isPrometheus(file: string, text: string): boolean {
  return /\.json$/i.test(file) || /^\s*\{/.test(text);
}

function windowFlags(flags: FitFlags): WindowFlags {
  const time = (flag: string, value: string | undefined): number | undefined => {
    if (value === undefined) return undefined;
    const t = parseTimestamp(value);
    if (t === undefined) throw new InputError(`${flag}: expected an RFC 3339 time (2026-01-01T00:00:00Z) or Unix seconds (not milliseconds), found ${quoteValue(value)}`);
    return t;
  };
  const start = time('--window-start', flags.windowStart);
  const end = time('--window-end', flags.windowEnd);
  if (start !== undefined && end !== undefined && !(end > start)) throw new InputError('--window-end: expected a time after --window-start');
  return { ...(start === undefined ? {} : { start }), ...(end === undefined ? {} : { end }) };
}

/** `--map name=role`, repeatable. */
function mapFlag(values: readonly string[]): RoleMap {
  const map = new Map<string, Role>();
  for (const v of values) {
    const m = /^([^=]+)=(.+)$/.exec(v);
    const role = ROLES.find((r) => r === m?.[2]?.trim());
    if (m === null || role === undefined) throw new InputError(`--map: expected name=role with a role among ${ROLES.join(', ')}, found ${quoteValue(v)}`);
    map.set(m[1]!.trim(), role);
  }
  return map;
}

function tooFew(fits: readonly RoleFit[]): string {
  const why = (d: DurationFit, event: string) => (d.status === 'no-spread' ? `all ${d.events} ${event}s of the same length` : `${d.events} observed ${event}s`);
  const parts = fits.flatMap((f) => [
    ...(f.timeToFailure.status === 'fitted' ? [] : [`${f.role} has ${why(f.timeToFailure, 'failure')}`]),
    ...(f.timeToRepair.status === 'fitted' ? [] : [`${f.role} has ${why(f.timeToRepair, 'repair')}`]),
  ]);
  return `too few events to fit any role: ${parts.join(', ')}; a fit needs at least ${MIN_EVENTS} complete (uncensored) failures and ${MIN_EVENTS} repairs per role, of more than one length (docs/fit.md#how-many-events)`;
}
