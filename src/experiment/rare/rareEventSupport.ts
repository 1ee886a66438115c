/** Whether the rare-event method applies to a scenario, and what it needs to run: covered signals, biasing, episode rates. */
import { RandomStreams, type SimTime } from '../../kernel/index.js';
import { criticalProcesses } from '../../model/rare/criticalProcesses.js';
import { episodeBias, type BiasOptions } from '../../model/rare/episodeBias.js';
import { episodeRates } from '../../model/rare/episodeRates.js';
import type { CoveredSignal, EpisodeSetup } from '../../model/rare/runEpisode.js';
import { buildTopology, type Topology } from '../../model/Topology.js';
import type { Scenario } from '../../scenario/Scenario.js';

/** The per-cluster signals the method estimates (the global `management` one too, when present). */
export const RARE_CLUSTER_SIGNALS = ['etcdQuorum', 'apiWrite', 'apiRead', 'scheduling'] as const;

/** The client-go jitter factor on the retry period (LeaseElection). */
const LEASE_JITTER = 1.2;

/** Events one episode may take before it is declared runaway: episodes here take tens to thousands. */
export const EPISODE_EVENT_BUDGET = 2_000_000;

export interface RareSupport {
  readonly ok: true;
  readonly topology: Topology;
  readonly setup: EpisodeSetup;
  /** r_i, per second, for each critical process in criticalProcesses' order. */
  readonly rates: readonly number[];
  /** The critical processes' stream names (`fail/prod/etcd-2/etcd`), for messages and docs. */
  readonly processes: readonly string[];
}

export type RareSupportResult = RareSupport | { readonly ok: false; readonly reason: string };

/**
 * The method estimates the steady state of random failures alone, from episodes that start in a
 * world where every critical process is up; it does not apply when something else moves the
 * world (scripted faults, federation rollouts) or when nothing critical fails at random.
 * Workloads, tenants' signals, `service` and `configPush` are not covered (naive only): they
 * depend on worker hosts or on scripted rollouts.
 */
export function rareEventSupport(s: Scenario, bias: BiasOptions = {}): RareSupportResult {
  if (s.faults.length > 0) {
    return { ok: false, reason: `the scenario scripts ${s.faults.length} fault${s.faults.length === 1 ? '' : 's'}: the rare-event method estimates the steady state of random failures alone` };
  }
  if (s.federation) return { ok: false, reason: 'federation rollouts are scripted changes, not random failures: the rare-event method does not model them' };
  const topology = buildTopology(s);
  const processes = criticalProcesses(s, topology, new RandomStreams(s.seed), '');
  if (processes.length === 0) {
    return { ok: false, reason: 'no random failure can take a control-plane component down (no failures for etcd, controlPlane, loadBalancer or datacenters): nothing rare to estimate' };
  }
  const signals: CoveredSignal[] = [];
  for (const c of s.clusters) for (const signal of RARE_CLUSTER_SIGNALS) signals.push({ cluster: c.name, signal });
  if (s.management) signals.push({ cluster: 'global', signal: 'management' });
  const specs = processes.map((p) => p.spec);
  return {
    ok: true,
    topology,
    setup: { signals, bias: episodeBias(specs, bias), settleSeconds: settleSeconds(s), eventBudget: EPISODE_EVENT_BUDGET },
    rates: episodeRates(specs),
    processes: processes.map((p) => p.rng.name),
  };
}

/**
 * The quiet time that ends an episode after the last repair: longer than the longest chain of
 * timers that can still move a covered signal once everything is up: a lease that runs out
 * (leaseDuration) after its holder stopped renewing (renewDeadline), the jittered retry that takes
 * it (retryPeriod · 2.2) and an etcd election (the first candidate within two election timeouts,
 * a second round after a refused or split vote within two more). 33 s by default.
 * Node grace periods and pod evictions move only workloads, which are not covered.
 */
export function settleSeconds(s: Scenario): SimTime {
  const k = s.kubernetes;
  return k.leaseDuration + k.renewDeadline + k.retryPeriod * (1 + LEASE_JITTER) + 4 * s.raft.electionTimeout;
}
