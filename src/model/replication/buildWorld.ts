/** The world of one run, built from its parts: clusters, causes, settling, signals and trace; no random failures started yet. */
import { RandomStreams, Simulation } from '../../kernel/index.js';
import type { Scenario } from '../../scenario/Scenario.js';
import { CauseScopes } from '../causes/causeScopes.js';
import { downtimeCauses, type DowntimeCauses } from '../causes/downtimeCauses.js';
import { ClusterModel } from '../ClusterModel.js';
import { Federation } from '../Federation.js';
import { Infrastructure } from '../Infrastructure.js';
import { Network } from '../Network.js';
import { Tenancy } from '../Tenancy.js';
import type { Topology } from '../Topology.js';
import { CauseTracker } from './CauseTracker.js';
import { SettleScheduler } from './SettleScheduler.js';
import { SignalRecorder } from './SignalRecorder.js';
import { TraceRecorder, type TraceWindow } from './TraceRecorder.js';
import { traceWindows } from './traceWindows.js';

/** A freshly built world: every host up, each etcd cluster led by voter 0, each lease held by candidate 0. */
export interface World {
  readonly sim: Simulation;
  readonly streams: RandomStreams;
  readonly trace: TraceRecorder;
  readonly infra: Infrastructure;
  readonly network: Network;
  readonly settle: SettleScheduler;
  readonly clusters: readonly ClusterModel[];
  readonly tenancy: Tenancy;
  readonly federation: Federation | undefined;
  readonly signals: SignalRecorder;
  readonly causes: CauseTracker;
  /** The causes downtime is attributed to (signals.ledger holds the attribution), and where each counts. */
  readonly downtimeCauses: DowntimeCauses;
  readonly causeScopes: CauseScopes;
}

/**
 * Builds the world whose model streams are named with `prefix` (`r3/` for replication 3, `e3/`
 * for rare-event episode 3). Shared by runReplication and the rare-event episodes, which then
 * start the failure processes their own way.
 */
export function buildWorld(
  s: Scenario,
  topology: Topology,
  prefix: string,
  trace: boolean,
  windows: readonly TraceWindow[] = [],
  options: { readonly settleEveryChange?: boolean } = {},
): World {
  const sim = new Simulation();
  const streams = new RandomStreams(s.seed);
  const recorder = new TraceRecorder(sim, trace, trace ? [...traceWindows(s), ...windows] : []);
  const infra = new Infrastructure(topology);
  const network = new Network(topology);
  // The settle event needs the signals, which need the clusters, which need to wake it: the
  // closure reads `signals` only when the first settle runs, after the world is built.
  // A change no model sees (SettleScheduler.unseen) settles only when the world has work waiting;
  // settleEveryChange evaluates after it all the same: the reference that skipping is tested against.
  const deferred = options.settleEveryChange === true ? () => true : () => signals.hasDeferredWork();
  const settle = new SettleScheduler(sim, (full) => signals.evaluate(sim.now, full), deferred);
  const wake = () => settle.wake();
  const note = (text: string) => recorder.note(text);
  const listener = {
    wake,
    wakeWorkloads: () => settle.wakeWorkloads(),
    note,
    // Read at each note: a bounded trace that is paused keeps no narration, so none is written.
    get narrating() {
      return recorder.narrating;
    },
    leader: (cluster: string, leader: string | null, term: number, reason: string) => {
      if (trace) recorder.record({ t: sim.now, kind: 'leader', cluster, leader, term, reason });
    },
    // Without a trace no reason or note is read: the models skip composing them.
    tracing: trace,
  };
  const clusters = topology.clusters.map((layout) => new ClusterModel(sim, streams, s, topology, layout, infra, network, listener, prefix));
  const tenancy = new Tenancy(clusters, note);
  const federation = s.federation ? new Federation(sim, s.federation, clusters, { wake, note }) : undefined;
  const { attributed, causeScopes } = attributionOf(s, topology);
  const signals = new SignalRecorder(s, clusters, federation, recorder, attributed);
  const causes = new CauseTracker(sim, topology, infra, clusters, recorder, settle, { ledger: signals.ledger, scopes: causeScopes, causes: attributed });
  return { sim, streams, trace: recorder, infra, network, settle, clusters, tenancy, federation, signals, causes, downtimeCauses: attributed, causeScopes };
}

const ATTRIBUTION = new WeakMap<Topology, { readonly s: Scenario; readonly attributed: DowntimeCauses; readonly causeScopes: CauseScopes }>();

/**
 * The causes and their scopes depend on the scenario and topology alone: built once for all the
 * replications (or rare-event episodes, thousands of them) that share a topology.
 */
function attributionOf(s: Scenario, topology: Topology): { attributed: DowntimeCauses; causeScopes: CauseScopes } {
  const cached = ATTRIBUTION.get(topology);
  if (cached && cached.s === s) return cached;
  const made = { s, attributed: downtimeCauses(s, topology), causeScopes: new CauseScopes(topology) };
  ATTRIBUTION.set(topology, made);
  return made;
}
