#!/usr/bin/env node
/**
 * The kubesim bin: runs the command line of this process (entry.ts) and sets the process's exit
 * code from it; a reader of stdout or stderr that goes away (EPIPE) changes nothing but the output.
 */
import { main, report } from './entry.js';

// A reader that goes away early (`kubesim explain --json | head`) is not an error, but it does not
// make one go away either: the command finishes (its writes are dropped) and exits with its own
// code, 2 for bad input and 1 for a failure even when nobody reads the message, 0 for success.
let readerGone = false;
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') throw e;
    readerGone = true;
  });
}

function finish(code: number): void {
  process.exitCode = code;
  // Nothing more can be shown: leave now rather than wait for timers or workers.
  if (readerGone) process.exit(code);
}

main(process.argv).then(finish, (e) => finish(report(e)));
