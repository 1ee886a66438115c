// Preloaded into a benchmark's child process: writes its peak resident memory (KiB) on exit.
import { writeFileSync } from 'node:fs';

const file = process.env.KUBESIM_PEAK_MEMORY_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
