/** One fuzz case (files, a command line and how to run it) and what running it gave. */

/** A file the case writes in its own empty folder before running; `dir` makes a folder of that name. */
export interface FuzzFile {
  readonly name: string;
  readonly kind: 'file' | 'dir';
  readonly content: string;
}

export interface FuzzCase {
  readonly files: readonly FuzzFile[];
  /** The command line after `kubesim`, file names relative to the case's folder. */
  readonly args: readonly string[];
  /** Through the real CLI (`node dist/cli/main.js`) rather than in-process. */
  readonly viaCli: boolean;
  /** Run twice and require the same stdout (same seed, same output). */
  readonly repeat: boolean;
  /** Which generator made it: valid, near-valid, hostile, text. */
  readonly family: string;
}

export interface FuzzResult {
  /** null: the process was killed (time limit) or died. */
  readonly code: number | null;
  readonly stdout: string;
  /** Whether stdout was longer than the harness keeps (4 MiB): then `stdout` is its beginning. */
  readonly stdoutCut?: boolean;
  readonly stderr: string;
  readonly ms: number;
  readonly timedOut?: boolean;
  /** In-process only: the stack of an error that became exit 1, for the bug report (never printed by kubesim). */
  readonly stack?: string;
  readonly repeatStdout?: string;
  readonly repeatCode?: number | null;
}
