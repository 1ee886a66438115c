/** One rare-event episode: a fresh world, one critical process failing at time 0, biased failures until all are up again. */
import type { Scenario } from '../../scenario/Scenario.js';
import { type SignalStats, type Simulation, type SimTime } from '../../kernel/index.js';
import type { Process } from '../FailureProcesses.js';
import { buildWorld } from '../replication/buildWorld.js';
import type { Topology } from '../Topology.js';
import { biased, drawRepair, drawTrue, logRatioCensored, logRatioFired, logRatioRepair } from './biasedDraw.js';
import { biasedRate, type EpisodeBias } from './episodeBias.js';
import { criticalProcesses } from './criticalProcesses.js';

/** A control-plane signal an episode measures: `cluster` is `global` for the management signal. */
export interface CoveredSignal {
  readonly cluster: string;
  readonly signal: string;
}

export interface EpisodeSetup {
  readonly signals: readonly CoveredSignal[];
  /** The biasing of the critical processes, in criticalProcesses' order. */
  readonly bias: EpisodeBias;
  /** How long every signal must stay up, unchanged, after the last repair before the episode ends. */
  readonly settleSeconds: SimTime;
  /** Events after which an episode that has not ended is an error (it would otherwise run forever). */
  readonly eventBudget: number;
}

export interface EpisodeResult {
  readonly episode: number;
  /** Index of the initiating process among the critical ones. */
  readonly initiator: number;
  /** ln L: the log-likelihood ratio of every biased draw of the episode. */
  readonly logLikelihoodRatio: number;
  /** Per covered signal, in setup order: seconds down and outages in the episode. */
  readonly downSeconds: readonly number[];
  readonly outages: readonly number[];
  /** Simulated length of the episode, settle window included. */
  readonly seconds: SimTime;
  readonly events: number;
}

/** How a pending time to failure was drawn. */
const NONE = 0;
/** The accelerated clock: fires when Γ reaches a unit exponential. */
const CLOCK = 1;
/** The true distribution, drawn as the defensive half of the mixture: fires at a fixed time. */
const DEFENSIVE = 2;
/** An unbiased draw (a fixed fresh time to failure): fires at a fixed time, ratio 1. */
const UNBIASED = 3;

/**
 * Episode k draws everything from streams prefixed `e${k}/`, so episodes are independent and the
 * same (scenario, seed, k) always gives the same result. The initiator is drawn uniformly among
 * the N critical processes; it fails at 0. Every other critical
 * process is up with a residual life drawn from the biased equilibrium distribution; after a
 * repair inside the episode a process's next failure is a biased fresh draw (biasedDraw.ts).
 * The accelerated clocks' rate depends on how many processes are down (episodeBias), so their
 * fire times are moved at every failure and repair (the clock is memoryless: Γ carries on).
 * When the last one is repaired, the failure draws still pending are censored at that instant
 * (their survival ratio enters L) and no more failures are drawn; the model then runs until
 * every covered signal is up and has not changed for settleSeconds. Non-critical processes
 * (worker-only hosts) never fail.
 */
export function runEpisode(s: Scenario, topology: Topology, setup: EpisodeSetup, episode: number): EpisodeResult {
  const prefix = `e${episode}/`;
  const world = buildWorld(s, topology, prefix, false);
  const { sim, causes, settle } = world;
  const processes = criticalProcesses(s, topology, world.streams, prefix);
  const n = processes.length;
  if (n === 0) throw new Error('runEpisode: the scenario has no critical random failure process (see rareEventSupport)');
  const stats = setup.signals.map((c) => {
    const r = world.signals.results.find((x) => x.cluster === c.cluster && x.signal === c.signal);
    if (!r) throw new Error(`runEpisode: no signal ${c.cluster}/${c.signal} in this world`);
    return r.stats;
  });
  const { bias } = setup;
  const p = bias.weight;
  const initiator = Math.min(n - 1, Math.floor(world.streams.get(`${prefix}initiator`).next() * n));
  // Per process: the pending draw's mode, when it was drawn, Γ so far and when Γ was last brought
  // up to date, the clock's unit-exponential target, and the scheduled event.
  const mode = new Uint8Array(n);
  const residual = new Uint8Array(n).fill(1);
  const drawnAt = new Float64Array(n);
  const integrated = new Float64Array(n);
  const updatedAt = new Float64Array(n);
  const target = new Float64Array(n);
  const event = new Float64Array(n).fill(-1);
  let logL = 0;
  let down = 0;
  let drawing = true;

  /** Brings every pending Γ up to now at the rate of the current state, and re-times the clocks at the new one. */
  const retime = (now: SimTime, before: number, after: number) => {
    for (let j = 0; j < n; j++) {
      if (mode[j] === NONE || mode[j] === UNBIASED) continue;
      integrated[j]! += biasedRate(bias, j, before, n) * (now - updatedAt[j]!);
      updatedAt[j] = now;
      if (mode[j] === CLOCK && after > 0) {
        sim.cancel(event[j]!);
        event[j] = sim.schedule(Math.max(0, target[j]! - integrated[j]!) / biasedRate(bias, j, after, n), toggle, j);
      }
    }
  };
  const drawFailure = (j: number, now: SimTime) => {
    const proc = processes[j]!;
    const d = proc.spec.mttf;
    const res = residual[j] === 1;
    drawnAt[j] = now;
    integrated[j] = 0;
    updatedAt[j] = now;
    if (!biased(d, res)) {
      mode[j] = UNBIASED;
      event[j] = sim.schedule(drawTrue(d, res, proc.rng), toggle, j);
    } else if (proc.rng.next() < p) {
      mode[j] = CLOCK;
      target[j] = 0 - Math.log(1 - proc.rng.next());
      event[j] = sim.schedule(target[j]! / biasedRate(bias, j, down, n), toggle, j);
    } else {
      mode[j] = DEFENSIVE;
      event[j] = sim.schedule(drawTrue(d, res, proc.rng), toggle, j);
    }
  };
  /** A biased repair time; its ratio enters L at once (a repair always completes inside the episode). */
  const repair = (proc: Process): SimTime => {
    const y = drawRepair(proc.spec.mttr, p, bias.stretch, proc.rng);
    logL += logRatioRepair(proc.spec.mttr, p, bias.stretch, y);
    return y;
  };
  const toggle = (_sim: Simulation, j: number) => {
    const proc = processes[j]!;
    const now = sim.now;
    proc.down = !proc.down;
    if (proc.down) {
      if (mode[j] !== UNBIASED) {
        const rate = biasedRate(bias, j, down, n);
        const gamma = integrated[j]! + rate * (now - updatedAt[j]!);
        logL += logRatioFired(proc.spec.mttf, residual[j] === 1, p, rate, gamma, now - drawnAt[j]!);
      }
      mode[j] = NONE;
      event[j] = -1;
      residual[j] = 0;
      retime(now, down, down + 1);
      down++;
      causes.applyProcess(proc, true);
      sim.schedule(repair(proc), toggle, j);
      return;
    }
    causes.applyProcess(proc, false);
    if (down > 1) {
      retime(now, down, down - 1);
      down--;
      drawFailure(j, now);
    } else {
      retime(now, down, 0);
      down = 0;
      stopDrawing(now);
    }
  };
  /** The last repair: every pending draw is censored now, and no failure is drawn any more. */
  const stopDrawing = (now: SimTime) => {
    drawing = false;
    for (let j = 0; j < n; j++) {
      if (mode[j] === NONE) continue;
      const proc = processes[j]!;
      if (mode[j] !== UNBIASED) logL += logRatioCensored(proc.spec.mttf, residual[j] === 1, p, integrated[j]!, now - drawnAt[j]!);
      sim.cancel(event[j]!);
      mode[j] = NONE;
      event[j] = -1;
    }
  };

  // Time 0: the initiator fails, the others are up with biased residual lives.
  const first = processes[initiator]!;
  first.down = true;
  down = 1;
  residual[initiator] = 0;
  causes.applyProcess(first, true);
  sim.schedule(repair(first), toggle, initiator);
  for (let j = 0; j < n; j++) if (j !== initiator) drawFailure(j, 0);
  settle.wake();

  // Until the last repair, then until the signals have been up and unchanged for the settle window.
  let quietSince = -1;
  let snapshot = '';
  for (;;) {
    if (sim.eventsProcessed > setup.eventBudget) {
      throw new Error(
        `runEpisode: episode ${episode} did not end within ${setup.eventBudget} events (at ${sim.now} s, ${down} critical processes down); ` +
          'an episode cannot be cut short without biasing the estimate',
      );
    }
    if (!drawing) {
      const key = stateKey(stats);
      if (key !== snapshot || quietSince < 0) {
        snapshot = key;
        quietSince = sim.now;
      }
      if (stats.every((st) => st.isUp) && sim.peek() > quietSince + setup.settleSeconds) break;
    }
    if (!sim.step()) break;
  }
  const end = Math.max(sim.now, quietSince + setup.settleSeconds);
  world.signals.finish(end);
  return {
    episode,
    initiator,
    logLikelihoodRatio: logL,
    downSeconds: stats.map((st) => st.downTime),
    outages: stats.map((st) => st.outages),
    seconds: end,
    events: sim.eventsProcessed,
  };
}

/** What changes when a signal moves: its outage count and down time (an up-and-down between looks changes both). */
function stateKey(stats: readonly SignalStats[]): string {
  let k = '';
  for (const st of stats) k += `${st.isUp ? 1 : 0}:${st.outages}:${st.downTime};`;
  return k;
}
