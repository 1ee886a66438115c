/**
 * A fuzz session for `npm run fuzz`: cases drawn one seed each (so any case replays alone), run
 * on a pool of child processes until a count or a time limit, tallied by exit code, known bug and
 * failure.
 */
import fc from 'fast-check';
import { arbFuzzCase } from './arbFuzzCase.js';
import type { FuzzCase, FuzzResult } from './FuzzCase.js';
import { FuzzPool } from './FuzzPool.js';
import { knownBug } from './knownBugs.js';
import { violations, type Violation } from './oracle.js';

export interface SessionOptions {
  readonly cases: number;
  readonly timeLimitMs: number;
  readonly caseTimeoutMs: number;
  readonly workers: number;
  readonly seed: number;
  readonly viaCliOneIn: number;
  /** scripts/fuzz/child.mjs's path. */
  readonly childScript: string;
  readonly onProgress?: (done: number, elapsedMs: number) => void;
}

export interface CaseFailure {
  readonly seed: number;
  readonly family: string;
  readonly args: readonly string[];
  readonly violations: readonly Violation[];
  readonly stack?: string;
}

export interface SessionSummary {
  readonly startedAt: string;
  readonly seed: number;
  readonly casesRequested: number;
  readonly cases: number;
  readonly durationSeconds: number;
  readonly stoppedBy: 'cases' | 'time';
  readonly workers: number;
  readonly caseTimeoutMs: number;
  readonly viaCli: number;
  readonly exits: Record<string, number>;
  readonly families: Record<string, number>;
  readonly commands: Record<string, number>;
  readonly determinismChecks: number;
  readonly knownBugs: Record<string, { count: number; firstSeed: number }>;
  readonly failures: { count: number; kinds: Record<string, number>; first: readonly CaseFailure[] };
  readonly slowestCaseMs: number;
}

/** The case that seed `seed` draws (the same in every session and in --replay). */
export function caseOfSeed(seed: number, viaCliOneIn: number): FuzzCase {
  return fc.sample(arbFuzzCase(viaCliOneIn), { seed, numRuns: 1 })[0]!;
}

/** Violations of a result, split into the known bugs (by id) and the rest. */
export function judge(c: FuzzCase, r: FuzzResult): { known: string[]; failures: Violation[] } {
  const known: string[] = [];
  const failures: Violation[] = [];
  for (const v of violations(c, r)) {
    const bug = knownBug(c, v);
    if (bug) known.push(bug.id);
    else failures.push(v);
  }
  return { known, failures };
}

const bump = (m: Record<string, number>, k: string) => (m[k] = (m[k] ?? 0) + 1);

export async function runSession(o: SessionOptions): Promise<SessionSummary> {
  const start = Date.now();
  const pool = new FuzzPool(o.workers, o.caseTimeoutMs, o.childScript);
  const exits: Record<string, number> = {};
  const families: Record<string, number> = {};
  const commands: Record<string, number> = {};
  const known: Record<string, { count: number; firstSeed: number }> = {};
  const kinds: Record<string, number> = {};
  const first: CaseFailure[] = [];
  let failed = 0;
  let done = 0;
  let next = 0;
  let viaCli = 0;
  let repeats = 0;
  let slowest = 0;
  let stoppedBy: 'cases' | 'time' = 'cases';
  const worker = async () => {
    for (;;) {
      if (next >= o.cases) return;
      if (Date.now() - start >= o.timeLimitMs) {
        stoppedBy = 'time';
        return;
      }
      const seed = (o.seed + next++) | 0;
      const c = caseOfSeed(seed, o.viaCliOneIn);
      const r = await pool.run(c);
      done++;
      slowest = Math.max(slowest, r.ms);
      if (c.viaCli) viaCli++;
      if (r.repeatStdout !== undefined) repeats++;
      bump(exits, r.timedOut ? 'timeout' : String(r.code));
      bump(families, c.family);
      bump(commands, c.args[0]!);
      const j = judge(c, r);
      for (const id of new Set(j.known)) known[id] = { count: (known[id]?.count ?? 0) + 1, firstSeed: known[id]?.firstSeed ?? seed };
      if (j.failures.length > 0) {
        failed++;
        for (const v of j.failures) bump(kinds, v.kind);
        if (first.length < 50) first.push({ seed, family: c.family, args: c.args, violations: j.failures, ...(r.stack ? { stack: r.stack } : {}) });
      }
      if (done % 100 === 0) o.onProgress?.(done, Date.now() - start);
    }
  };
  try {
    await Promise.all(Array.from({ length: o.workers }, worker));
  } finally {
    pool.close();
  }
  return {
    startedAt: new Date(start).toISOString(),
    seed: o.seed,
    casesRequested: o.cases,
    cases: done,
    durationSeconds: Math.round((Date.now() - start) / 100) / 10,
    stoppedBy,
    workers: o.workers,
    caseTimeoutMs: o.caseTimeoutMs,
    viaCli,
    exits,
    families,
    commands,
    determinismChecks: repeats,
    knownBugs: known,
    failures: { count: failed, kinds, first },
    slowestCaseMs: slowest,
  };
}

/** For `npm run fuzz -- --replay`, which runs one case on a pool of its own. */
export { FuzzPool } from './FuzzPool.js';
