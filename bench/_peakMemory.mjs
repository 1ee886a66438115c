// Preloaded into a benchmark's child process: writes its peak resident memory (KiB) and CPU time (µs) on exit, as JSON.
import { writeFileSync } from 'node:fs';

const file = process.env.KUBESIM_PEAK_MEMORY_FILE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRssKb: u.maxRSS, cpuMicros: u.userCPUTime + u.systemCPUTime }));
  });
}
