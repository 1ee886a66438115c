/** A progress line on stderr when stderr is a terminal; silent otherwise (CI, pipes, files). */

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
