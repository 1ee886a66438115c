/** One round of each case against a real etcd: a fault while writes flow, the write gap it leaves, and what requests in flight saw. */
import { setTimeout as sleep } from 'node:timers/promises';
import { quantile, writeGap } from './stats.mjs';
import { now } from './WriteLoad.mjs';

/** Writes flowing before the fault: the window opens this long before it (s). */
const LEAD_IN = 0.5;
/** Writes flow "steadily again" once the last STEADY_SPAN s hold no gap longer than STEADY_GAP s. */
const STEADY_SPAN = 1.0;
const STEADY_GAP = 0.2;
/** A round gives up waiting for steady writes this long after the fault (the gap is then censored). */
const ROUND_CAP = 45;
/** How long majority-down holds its members down and leader-freeze its leader stopped (issue 11). */
export const MAJORITY_DOWN_SECONDS = 10;
export const FREEZE_SECONDS = 5;

/**
 * What each case does to the cluster at the fault instant, and what it undoes later inside
 * the round (majority-down's restarts, leader-freeze's SIGCONT). Returns the members it killed,
 * which the round restarts after measuring, and a promise of its own end.
 */
const FAULTS = {
  'leader-kill': (c, leader) => {
    c.kill(leader);
    return { killed: [leader], faulted: [leader], done: Promise.resolve() };
  },
  'follower-kill': (c, leader) => {
    const f = (leader + 1) % c.n;
    c.kill(f);
    return { killed: [f], faulted: [f], done: Promise.resolve() };
  },
  'majority-down': (c, leader) => {
    // The leader and the next members up to a majority: as kubesim's etcd-leader plus others.
    const down = Array.from({ length: Math.floor(c.n / 2) + 1 }, (_, k) => (leader + k) % c.n);
    for (const i of down) c.kill(i);
    const done = sleep(MAJORITY_DOWN_SECONDS * 1000).then(async () => {
      for (const i of down) await c.restart(i);
    });
    return { killed: [], faulted: down, done };
  },
  'leader-freeze': (c, leader) => {
    c.freeze(leader);
    const done = sleep(FREEZE_SECONDS * 1000).then(() => c.thaw(leader));
    return { killed: [], faulted: [leader], done };
  },
};

/**
 * `ok x3 <=1.42s; etcdserver: request timed out x1 <=7.00s`: outcomes, their counts and the
 * longest time each took, counted from `origin` (the fault instant) or, without it, from each
 * request's own start.
 */
export function describeOutcomes(records, origin) {
  const groups = new Map();
  for (const r of records) {
    const key = Number.isNaN(r.end) ? 'pending' : r.ok ? 'ok' : r.error;
    const g = groups.get(key) ?? { n: 0, latest: 0 };
    g.n++;
    if (!Number.isNaN(r.end)) g.latest = Math.max(g.latest, r.end - (origin ?? r.start));
    groups.set(key, g);
  }
  if (groups.size === 0) return 'none';
  return [...groups].map(([k, g]) => `${k} x${g.n} <=${g.latest.toFixed(2)}s`).join('; ');
}

/** Whether writes have flowed steadily over the last STEADY_SPAN s. */
function steady(successTimes, t) {
  const recent = successTimes.filter((s) => s >= t - STEADY_SPAN);
  return recent.length > 0 && writeGap([t - STEADY_SPAN, ...recent, t], t - STEADY_SPAN, t) <= STEADY_GAP;
}

/**
 * Runs one round of `caseName` on a healthy cluster with a known leader and returns its
 * measurement; leaves the cluster healthy again (killed members restarted) for the next one.
 */
export async function runRound(cluster, load, caseName) {
  // Requests left hanging by the last round (up to their 10 s timeout) settle first: otherwise
  // this round's fault would answer them (a reset when it kills the member holding them) and
  // the last round's outcomes would describe this one.
  while (load.pending() > 0) await sleep(100);
  const before = await cluster.waitHealthy(60_000);
  load.reset();
  const tReset = now();
  await sleep(1000);
  const okBefore = load.records.filter((r) => r.ok && r.start >= tReset);
  const latencyMs = quantile(okBefore.map((r) => (r.end - r.start) * 1000), 0.5);
  const tFault = now();
  const fault = FAULTS[caseName](cluster, before.index);
  let faultOver = false;
  fault.done.then(() => (faultOver = true));
  // Sent before the fault and not answered by then (requests left from earlier rounds excluded).
  const inFlight = load.records.filter((r) => r.start >= tReset && r.start <= tFault && !(r.end < tFault));
  let tEnd = tFault;
  let censored = false;
  for (;;) {
    await sleep(50);
    tEnd = now();
    const settled = inFlight.every((r) => !Number.isNaN(r.end));
    const successes = load.records.filter((r) => r.ok && r.end > tFault).map((r) => r.end);
    if (faultOver && settled && steady(successes, tEnd) && tEnd - tFault > STEADY_SPAN) break;
    if (tEnd - tFault > ROUND_CAP) {
      censored = true;
      break;
    }
  }
  await fault.done;
  const successTimes = load.records.filter((r) => r.ok).map((r) => r.end);
  const gap = writeGap(successTimes, tFault - LEAD_IN, tEnd);
  const during = load.records.filter((r) => r.start > tFault && r.start <= tEnd);
  const after = await cluster.leader();
  const result = {
    gap,
    censored,
    termBefore: before.term,
    termAfter: after?.term ?? NaN,
    leaderChanged: after === null ? null : after.index !== before.index,
    latencyMs,
    inFlightFaulted: describeOutcomes(inFlight.filter((r) => fault.faulted.includes(r.member)), tFault),
    inFlightOthers: describeOutcomes(inFlight.filter((r) => !fault.faulted.includes(r.member)), tFault),
    // Sent after the fault until writes flowed again, each with its own latency; many are
    // still pending when the round ends, so this is read again once they have all settled.
    describeDuring: () => describeOutcomes(during),
  };
  for (const i of fault.killed) await cluster.restart(i);
  return result;
}
