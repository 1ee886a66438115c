/** One sentence on what an adaptive run (`--precision`) asked for and what it got. */
import type { PrecisionSummary } from '../experiment/Summary.js';
import { formatRelative } from './format.js';

const STOPPED: Record<PrecisionSummary['stoppedBy'], string> = {
  precision: 'the target',
  'max-replications': '--max-replications',
  'max-episodes': '--max-episodes',
  'max-time': '--max-time',
};

/** "Precision ±10%: reached by every requested signal (apiWrite ±8.1%) after 17 batches." or which cap stopped it first, and who fell short. */
export function precisionLine(p: PrecisionSummary): string {
  const each = p.signals
    .map((x) => `${x.cluster}/${x.signal} ${x.relativeHalfWidth === null ? 'no outage seen' : formatRelative(x.relativeHalfWidth)}${x.method === 'importance-sampling' ? ' (rare-event)' : ''}`)
    .join(', ');
  const work = `${p.batches} batch${p.batches === 1 ? '' : 'es'}${p.episodes > 0 ? ` and ${p.episodes.toLocaleString('en-US')} rare-event episodes` : ''}`;
  if (p.reached) return `Precision ${formatRelative(p.target)}: reached by every requested signal (${each}) after ${work}.`;
  return `Precision ${formatRelative(p.target)}: NOT reached; ${STOPPED[p.stoppedBy]} stopped the run first, after ${work} (${each}).`;
}
