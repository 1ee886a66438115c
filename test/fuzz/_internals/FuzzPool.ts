/** Child processes that run fuzz cases (scripts/fuzz/child.mjs), one case at a time each, killed and replaced on a time limit. */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FuzzCase, FuzzResult } from './FuzzCase.js';

/** The worker script, where it sits from this file (the bundle of `npm run fuzz` passes its own path). */
export const FUZZ_CHILD = fileURLToPath(new URL('../../../scripts/fuzz/child.mjs', import.meta.url));

interface Worker {
  readonly proc: ChildProcess;
  readonly ready: Promise<void>;
  pending: { id: number; resolve: (r: FuzzResult) => void } | undefined;
}

export class FuzzPool {
  private readonly idle: Worker[] = [];
  private readonly waiting: ((w: Worker) => void)[] = [];
  private readonly all = new Set<Worker>();
  private nextId = 0;
  private closed = false;

  /** `size` processes; each case gets `timeoutMs` of wall-clock time (module loading of a first command included). */
  constructor(
    size: number,
    private readonly timeoutMs: number,
    private readonly childScript: string = FUZZ_CHILD,
  ) {
    for (let i = 0; i < size; i++) this.idle.push(this.spawn());
  }

  private spawn(): Worker {
    const proc = fork(this.childScript, [], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], env: { ...process.env, NO_COLOR: '1' } });
    // A child's own stderr is where a crash of the harness shows; kept short for the failure report.
    proc.stderr?.on('data', (d: Buffer) => {
      if (process.env['FUZZ_DEBUG']) process.stderr.write(d);
    });
    proc.on('error', () => {});
    let markReady!: () => void;
    const w: Worker = { proc, ready: new Promise((r) => (markReady = r)), pending: undefined };
    proc.on('message', (m: { ready?: boolean; id?: number; result?: FuzzResult }) => {
      if (m.ready) markReady();
      else if (w.pending && m.id === w.pending.id && m.result) {
        const p = w.pending;
        w.pending = undefined;
        p.resolve(m.result);
      }
    });
    proc.on('exit', () => {
      markReady();
      this.all.delete(w);
      if (w.pending) {
        const p = w.pending;
        w.pending = undefined;
        p.resolve({ code: null, stdout: '', stderr: 'fuzz worker died', ms: 0 });
      }
    });
    this.all.add(w);
    return w;
  }

  private acquire(): Promise<Worker> {
    const w = this.idle.pop();
    return w ? Promise.resolve(w) : new Promise((r) => this.waiting.push(r));
  }

  private release(w: Worker): void {
    const next = this.waiting.shift();
    if (next) next(w);
    else this.idle.push(w);
  }

  /** Runs one case; a case over the time limit kills its process (a fresh one takes its place) and comes back `timedOut`. */
  async run(c: FuzzCase): Promise<FuzzResult> {
    let w = await this.acquire();
    if (w.proc.exitCode !== null || w.proc.signalCode !== null) w = this.spawn();
    await w.ready;
    const id = this.nextId++;
    const result = await new Promise<FuzzResult>((resolve) => {
      const timer = setTimeout(() => {
        if (!w.pending) return;
        w.pending = undefined;
        w.proc.kill('SIGKILL');
        resolve({ code: null, stdout: '', stderr: '', ms: this.timeoutMs, timedOut: true });
      }, this.timeoutMs);
      w.pending = {
        id,
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
      };
      w.proc.send({ ...c, id, timeoutMs: this.timeoutMs }, (e) => {
        if (e && w.pending?.id === id) {
          w.pending = undefined;
          clearTimeout(timer);
          resolve({ code: null, stdout: '', stderr: `fuzz worker unreachable: ${e.message}`, ms: 0 });
        }
      });
    });
    if (this.closed || w.proc.exitCode !== null || w.proc.signalCode !== null || w.proc.killed) {
      if (!this.closed) this.release(this.spawn());
    } else this.release(w);
    return result;
  }

  /** Ends every process this pool started. */
  close(): void {
    this.closed = true;
    for (const w of this.all) w.proc.kill('SIGKILL');
    this.all.clear();
  }
}
