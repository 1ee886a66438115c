#!/usr/bin/env node
/**
 * The kubesim bin: runs the command line of this process (entry.ts) and sets the process's exit
 * code from it; it also stops quietly when a reader of stdout or stderr goes away (EPIPE).
 */
import { main, report } from './entry.js';

// A reader that goes away early (`kubesim explain --json | head`) is not an error: stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
}

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.exitCode = report(e);
  },
);
