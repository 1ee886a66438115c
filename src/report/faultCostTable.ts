/** The "What each fault cost" tables, formatted once from the summary's faultCost for HTML, Markdown and the terminal (docs/fault-cost.md). */
import type { FaultCost, FaultCostSignal, FaultCostSummary } from '../experiment/faultCost/FaultCost.js';
import { formatSeconds } from './format.js';

/** The mark of a cost whose interval is rough (few replications changed by the fault), and its legend. */
export const ROUGH_MARK = '~';
export const ROUGH_LEGEND = `${ROUGH_MARK} rough: the fault changed this signal in fewer than 10 replications, so its interval rests on a handful of values`;
export const NO_CI_LEGEND = 'no CI: one replication, no spread to estimate an interval from';

export interface FaultCostCell {
  readonly text: string;
  /** Why the figure is rough or has no interval; '' when it is neither. */
  readonly reason: string;
  /** The mean cost in seconds per year, to colour by (more downtime, more red). */
  readonly secondsPerYear: number;
}

export interface FaultCostTable {
  /** A cluster name, or `global`. */
  readonly cluster: string;
  /** 'Fault', 'What it does', then the signals. */
  readonly head: readonly string[];
  /** One row per fault, then the faults together when priced: the key, its description, a cell per signal. */
  readonly rows: readonly { readonly key: string; readonly description: string; readonly cells: readonly FaultCostCell[] }[];
}

export interface FaultCostTables {
  /** One sentence on what the figures are. */
  readonly lead: string;
  readonly tables: readonly FaultCostTable[];
  /** The marks used, one line each. */
  readonly legend: readonly string[];
}

/** The tables, one per cluster (and global), with a row per fault. */
export function faultCostTables(fc: FaultCostSummary): FaultCostTables {
  const entries: readonly FaultCost[] = fc.together ? [...fc.faults, fc.together] : fc.faults;
  const clusters = [...new Set(entries.flatMap((e) => Object.keys(e.perSignal)))];
  let rough = false;
  let noCi = false;
  const tables = clusters.map((cluster): FaultCostTable => {
    const signals = [...new Set(entries.flatMap((e) => Object.keys(e.perSignal[cluster] ?? {})))];
    const rows = entries.map((e) => ({
      key: e.index === null ? 'all faults together' : e.key,
      description: e.description,
      cells: signals.map((signal) => {
        const c = e.perSignal[cluster]?.[signal];
        if (c === undefined) return { text: '—', reason: '', secondsPerYear: 0 };
        rough ||= c.trust.level === 'few-differences';
        noCi ||= c.ci95 === null;
        return costCell(c);
      }),
    }));
    return { cluster, head: ['Fault', 'What it does', ...signals], rows };
  });
  return {
    lead: `Extra downtime per year each scripted fault caused: every one of ${fc.replications} replication${fc.replications === 1 ? '' : 's'} ran again without the fault, on the same random numbers (same seed, same random failures), and the figure is the mean of the paired differences with its 95% interval. A negative figure means the run did worse without the fault.`,
    tables,
    legend: [...(rough ? [ROUGH_LEGEND] : []), ...(noCi ? [NO_CI_LEGEND] : [])],
  };
}

/** "+2h 5m [1h 50m, 2h 20m]", "0s" for a fault that changed nothing, "~" marking a rough interval. */
export function costCell(c: FaultCostSignal): FaultCostCell {
  const mean = signed(c.downtimeSecondsPerYear);
  const zero = c.downtimeSecondsPerYear === 0 && c.ci95 !== null && c.ci95[0] === 0 && c.ci95[1] === 0;
  const interval = zero ? '' : c.ci95 === null ? ' (no CI)' : ` [${signed(c.ci95[0])}, ${signed(c.ci95[1])}]`;
  const rough = c.trust.level === 'few-differences';
  return {
    text: `${mean}${interval}${rough ? ` ${ROUGH_MARK}` : ''}`,
    reason: c.trust.level === 'ok' ? '' : c.trust.reason,
    secondsPerYear: c.downtimeSecondsPerYear,
  };
}

/** A duration with its sign: "+2h 5m", "-30s", "0s". */
function signed(seconds: number): string {
  if (seconds === 0) return '0s';
  return `${seconds > 0 ? '+' : '-'}${formatSeconds(Math.abs(seconds))}`;
}
