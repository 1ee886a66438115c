/** Progress lines on stderr when stderr is a terminal; silent otherwise (CI, pipes, files). */
import type { PrecisionProgress } from '../experiment/precision/runToPrecision.js';
import { formatRelative } from '../report/format.js';

export interface Progress {
  update(done: number, total: number): void;
  done(): void;
}

const SILENT: Progress = { update: () => {}, done: () => {} };

export function progress(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return SILENT;
  let last = -1;
  const start = Date.now();
  return {
    update(done, total) {
      const pct = total > 0 ? Math.floor((100 * done) / total) : 100;
      if (pct === last) return;
      last = pct;
      const width = 30;
      const filled = Math.round((width * pct) / 100);
      const secs = ((Date.now() - start) / 1000).toFixed(1);
      stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${pct}% ${done}/${total} ${secs}s`);
    },
    done() {
      if (last >= 0) stream.write('\r\x1b[K');
    },
  };
}

/** An adaptive run's line: batches so far and the least precise requested signal's current half-width against the target. */
export function precisionProgress(label: string, target: number, stream: NodeJS.WriteStream = process.stderr): { update(p: PrecisionProgress): void; done(): void } {
  if (!stream.isTTY) return { update: () => {}, done: () => {} };
  let shown = false;
  const start = Date.now();
  return {
    update(p) {
      shown = true;
      const r = p.worst.relativeHalfWidth;
      const now = Number.isFinite(r) ? formatRelative(r) : 'no outage yet';
      const work = `${p.replications} replications${p.episodes > 0 ? `, ${p.episodes} episodes` : ''}`;
      const secs = ((Date.now() - start) / 1000).toFixed(1);
      const worst = p.worst.key === '' ? '' : `; ${p.worst.key} ${now} (target ${formatRelative(target)})`;
      stream.write(`\r\x1b[K${label}: ${work}${worst} ${secs}s`);
    },
    done() {
      if (shown) stream.write('\r\x1b[K');
    },
  };
}
