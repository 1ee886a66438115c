/** One replication: builds the world for a scenario from its parts, runs it to the horizon and returns its statistics. */
import type { Scenario } from '../scenario/Scenario.js';
import { buildProcesses, startProcesses } from './FailureProcesses.js';
import { faultScopes } from './causes/faultScopes.js';
import { startFault } from './faults/faultBehaviours.js';
import { faultSpan } from './faults/faultSpan.js';
import { buildWorld } from './replication/buildWorld.js';
import type { SignalResult } from './replication/SignalRecorder.js';
import { worldFaultContext } from './replication/worldFaultContext.js';
import type { Topology } from './Topology.js';
import type { Trace } from './Trace.js';
import type { SimTime } from '../kernel/index.js';
import type { TraceWindow } from './replication/TraceRecorder.js';

export type { SignalResult } from './replication/SignalRecorder.js';

export interface TenantResult {
  readonly cluster: string;
  readonly tenant: string;
  /** Seconds this tenant's workloads were starved by a neighbour's runaway workload. */
  readonly harmedSeconds: number;
  /** Seconds a compromised neighbour could reach this tenant's services. */
  readonly exposedSeconds: number;
  /** Incidents this tenant caused, and how many other tenants they touched in total. */
  readonly incidents: number;
  readonly tenantsTouched: number;
}

export interface ReplicationResult {
  readonly replication: number;
  readonly signals: readonly SignalResult[];
  /** Per cluster: time-weighted fraction of desired replicas running (NaN without workloads). */
  readonly replicaFraction: ReadonlyMap<string, number>;
  readonly tenants: readonly TenantResult[];
  /** Clusters the bad versions reached (federation rollouts), or null without bad rollouts. */
  readonly badVersionReach: number | null;
  readonly events: number;
  readonly trace?: Trace;
}

export interface ReplicationOptions {
  /** Record a Trace of everything that happened (for reports and `explain`). */
  readonly trace?: boolean;
  /** A span the trace keeps whole (up to its cap), besides the windows around faults: what `explain` narrates. */
  readonly traceWindow?: TraceWindow;
  /**
   * Evaluate the world after every change, even one no model sees (a worker without pods going
   * down): the same results, more slowly. The reference the skipped evaluations are tested against.
   */
  readonly settleEveryChange?: boolean;
}

/**
 * Runs replication `rep` of the scenario. Every random draw comes from a stream named after the
 * replication and what it drives (`r3/fail/prod/etcd-2/etcd`), so replications are independent
 * and the same (scenario, seed, rep) always gives the same result.
 *
 * The world (buildWorld) is built from parts with one job each: the clusters and their infrastructure, the
 * causes that hold things down (CauseTracker), the settle event that evaluates the world once
 * per instant (SettleScheduler), the signals' statistics (SignalRecorder) and the optional trace
 * (TraceRecorder). Scripted faults act through a FaultContext over those parts.
 */
export function runReplication(s: Scenario, topology: Topology, rep: number, options: ReplicationOptions = {}): ReplicationResult {
  const { sim, trace, clusters, tenancy, federation, signals } = startReplication(s, topology, rep, options.trace === true, options.traceWindow, options.settleEveryChange === true);
  const horizon = s.horizon;
  sim.run(horizon);
  signals.finish(horizon);
  const omitted = trace.finish(horizon);
  return {
    replication: rep,
    signals: signals.results,
    replicaFraction: new Map(clusters.map((c) => [c.name, c.replicaFraction(horizon)])),
    tenants: tenancy.results(horizon),
    badVersionReach: federation?.badVersionReach ?? null,
    events: sim.eventsProcessed,
    ...(trace.events
      ? {
          trace: {
            horizon,
            events: trace.events,
            components: topology.components.map((c) => c.name),
            signals: signals.results.map((r) => `${r.cluster}/${r.signal}`),
            ...(omitted ? { gaps: trace.gaps, omitted } : {}),
          },
        }
      : {}),
  };
}

/** How fast a replication makes events: `events` processed in the first `simulated` seconds. */
export interface Pace {
  readonly events: number;
  readonly simulated: SimTime;
  /** Whether the whole horizon was run (then `events` is exact for this replication). */
  readonly complete: boolean;
  /** Where the run stood halfway through its events, for a pace past the start-up transients. */
  readonly half: { readonly events: number; readonly simulated: SimTime };
}

/**
 * Runs replication `rep` until `maxEvents` events or the horizon, whichever comes first, and
 * says how far it got: the pace a work estimate extrapolates from.
 */
export function measurePace(s: Scenario, topology: Topology, rep: number, maxEvents: number): Pace {
  const { sim } = startReplication(s, topology, rep, false);
  const horizon = s.horizon;
  sim.eventLimit = Math.ceil(maxEvents / 2);
  sim.run(horizon);
  const half = { events: sim.eventsProcessed, simulated: sim.limitReached ? sim.now : horizon };
  if (sim.limitReached) {
    sim.eventLimit = maxEvents;
    sim.run(horizon);
  }
  const complete = !sim.limitReached;
  return { events: sim.eventsProcessed, simulated: complete ? horizon : sim.now, complete, half };
}

/** The world of replication `rep`, with its failure processes and scripted faults started. */
function startReplication(s: Scenario, topology: Topology, rep: number, traced: boolean, window?: TraceWindow, settleEveryChange = false) {
  const prefix = `r${rep}/`;
  const world = buildWorld(s, topology, prefix, traced, window ? [window] : [], { settleEveryChange });
  const { sim, streams, trace, network, settle, clusters, tenancy, federation, causes } = world;
  const processes = buildProcesses(s, topology, streams, prefix);
  startProcesses(sim, processes, (p, down) => causes.applyProcess(p, down));
  const context = worldFaultContext({ s, sim, topology, network, clusters, tenancy, federation }, causes, trace, settle);
  // A fault is a cause of downtime, for the signals of what it acts on, while it is in effect
  // (docs/downtime-by-cause.md).
  const ledger = world.signals.ledger;
  s.faults.forEach((f, i) => {
    const scopes = faultScopes(f, s, topology, world.causeScopes);
    sim.at(f.at, () => {
      // A fault that found nothing to act on (a crash of the leader while there is none) is no cause.
      if (!startFault(context, f)) return;
      ledger.hold(scopes, i, 1, sim.now);
      sim.schedule(faultSpan(f, s, topology), () => ledger.hold(scopes, i, -1, sim.now));
    });
  });
  // The bootstrap leader, so that a timeline knows who leads from the start.
  for (const c of clusters) {
    if (c.etcd.leader >= 0) {
      const name = topology.components[c.layout.etcd[c.etcd.leader]!]!.name;
      trace.record({ t: 0, kind: 'leader', cluster: c.name, leader: name, term: c.etcd.term, reason: `${name} leads term ${c.etcd.term} from the start` });
    }
  }
  settle.wake();
  return world;
}
