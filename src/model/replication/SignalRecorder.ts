/** The signals of one replication: which exist, and their up/down statistics as the world settles. */
import { SignalStats, type SimTime } from '../../kernel/index.js';
import type { Scenario } from '../../scenario/Scenario.js';
import { globalServiceClusters } from '../../scenario/globalService.js';
import { CLUSTER_SIGNALS, type ClusterSignal } from '../../scenario/signals.js';
import { controlPlaneScope, EVERY_SIGNAL, scopeCount, workersScope } from '../causes/causeScopes.js';
import type { DowntimeCauses } from '../causes/downtimeCauses.js';
import { DowntimeLedger, type LedgerSignal } from '../causes/DowntimeLedger.js';
import type { ClusterModel } from '../ClusterModel.js';
import type { Federation } from '../Federation.js';
import type { TraceRecorder } from './TraceRecorder.js';

/** A signal's statistics in one replication; `cluster` is `global` for the global signals. */
export interface SignalResult {
  readonly cluster: string;
  readonly signal: string;
  readonly stats: SignalStats;
  /** Seconds of its downtime per cause (ids of DowntimeCauses), filled as the replication runs. */
  readonly byCause: Float64Array;
}

export class SignalRecorder {
  /** Every signal, in report order: per cluster its own then its tenants', then the global ones. */
  readonly results: SignalResult[] = [];
  /** Where each signal's downtime comes from; causes hold and release through it. */
  readonly ledger: DowntimeLedger;
  /** Per cluster, its CLUSTER_SIGNALS that exist (workloads and serving only with workloads), with their stats. */
  private readonly clusterStats: { readonly name: ClusterSignal; readonly stats: SignalStats }[][] = [];
  /** Signals derived from the clusters after they settle: tenants' and the global ones. */
  private readonly derivedStats: { name: string; stats: SignalStats; value: () => boolean }[] = [];

  constructor(
    s: Scenario,
    private readonly clusters: readonly ClusterModel[],
    private readonly federation: Federation | undefined,
    private readonly trace: TraceRecorder,
    causes: DowntimeCauses,
  ) {
    const ledgerSignals: LedgerSignal[] = [];
    const push = (cluster: string, signal: string, stats: SignalStats, ledger: LedgerSignal) => {
      this.results.push({ cluster, signal, stats, byCause: new Float64Array(0) });
      ledgerSignals.push(ledger);
    };
    const mechanisms = causes.mechanism;
    // Each cluster's recorded apiWrite and scheduling: what the ledger reads at a flush, so that
    // a span is attributed with the states it had (the clusters' own may have moved on already).
    const recorded = new Map<ClusterModel, { readonly apiWrite: SignalStats; readonly scheduling: SignalStats }>();
    // What keeps a cluster's signal down once no cause is held: a control plane without a
    // writing leader is electing one; then the controllers' leases; then the pods themselves.
    const recovering = (c: ClusterModel, layer: 'controlPlane' | 'scheduling' | 'workloads'): number => {
      const r = recorded.get(c)!;
      if (layer === 'controlPlane' || !r.apiWrite.isUp) return mechanisms.election;
      if (layer === 'scheduling' || !r.scheduling.isUp) return mechanisms.lease;
      return mechanisms.rescheduling;
    };
    const layerOf = (name: string) => (name === 'scheduling' ? 'scheduling' : name === 'workloads' || name === 'serving' || name.startsWith('tenant:') ? 'workloads' : 'controlPlane');
    const down = (stats: SignalStats) => () => !stats.isUp;
    const onChange = (key: string) =>
      trace.events ? (t: SimTime, up: boolean) => trace.record({ t, kind: 'signal', key, up }) : undefined;
    for (const c of clusters) {
      const row: { name: ClusterSignal; stats: SignalStats }[] = [];
      for (const name of CLUSTER_SIGNALS) {
        if ((name === 'workloads' || name === 'serving') && c.layout.spec.workloads.length === 0) continue;
        const stats = new SignalStats(0, true, onChange(`${c.name}/${name}`));
        row.push({ name, stats });
        push(c.name, name, stats, clusterLedgerSignal(c, layerOf(name), down(stats), recovering));
      }
      recorded.set(c, { apiWrite: row.find((r) => r.name === 'apiWrite')!.stats, scheduling: row.find((r) => r.name === 'scheduling')!.stats });
      this.clusterStats.push(row);
      for (const t of c.layout.spec.tenants) {
        const signal = `tenant:${t.name}`;
        const stats = new SignalStats(0, true, onChange(`${c.name}/${signal}`));
        push(c.name, signal, stats, clusterLedgerSignal(c, 'workloads', down(stats), recovering));
        this.derivedStats.push({ name: `${c.name}\u0000${signal}`, stats, value: () => c.tenantUp(t.name) });
      }
    }
    const global = (name: string, value: () => boolean, over: readonly ClusterModel[], layer: 'controlPlane' | 'workloads') => {
      const stats = new SignalStats(0, value(), onChange(`global/${name}`));
      const scopes = [EVERY_SIGNAL, ...over.flatMap((c) => clusterScopes(c, layer))];
      // The global service recovers as its furthest-behind cluster does.
      const mechanism = () => (over.length === 0 ? mechanisms.election : Math.min(...over.map((c) => recovering(c, layer))));
      push('global', name, stats, { scopes, isDown: down(stats), mechanism });
      this.derivedStats.push({ name, stats, value });
    };
    // The global service exists where clusters serve together (multi-cluster, federation); a file
    // that holds independent designs side by side (multi-master.yaml) gets none.
    const servingNames = globalServiceClusters(s);
    const serving = clusters.filter((c) => servingNames.includes(c.name));
    if (serving.length > 1) global('service', () => serving.some((c) => c.serving), serving, 'workloads');
    const mgmt = s.management && clusters.find((c) => c.name === s.management!.cluster);
    if (mgmt) global('management', () => mgmt.signals.apiWrite, [mgmt], 'controlPlane');
    const host = federation && clusters.find((c) => c.name === s.federation!.hostCluster);
    if (federation) global('configPush', () => federation.canPush, host ? [host] : [], 'controlPlane');
    this.ledger = new DowntimeLedger(causes.keys.length, scopeCount(clusters.length), ledgerSignals);
    this.results = this.results.map((r, i) => ({ ...r, byCause: this.ledger.seconds[i]! }));
    // As the signals start; evaluate tells the ledger again only when one changes.
    this.ledger.signalsChanged(this.results.some((r) => !r.stats.isUp));
  }

  /**
   * Evaluates every cluster (then the federation) and records each signal's value at `now`;
   * `full` false when only workloads may have changed since the last time (SettleScheduler).
   * The ledger's span ends only when a recorded signal changes (or a cause, DowntimeLedger.hold):
   * an evaluation that changes nothing leaves the span, and every sum, as they were.
   */
  evaluate(now: SimTime, full = true): void {
    let flushed = false;
    let allUp = true;
    for (let i = 0; i < this.clusters.length; i++) {
      const c = this.clusters[i]!;
      c.evaluate(full);
      const row = this.clusterStats[i]!;
      let short = false;
      for (let k = 0; k < row.length; k++) {
        const up = c.signals[row[k]!.name];
        allUp &&= up;
        if (up === row[k]!.stats.isUp) continue;
        // The span that ends now is attributed with the states it had, before the first changes.
        if (!flushed) this.ledger.flush(now);
        flushed = true;
        row[k]!.stats.set(now, up);
        if (!up && (row[k]!.name === 'workloads' || row[k]!.name === 'serving')) short = true;
      }
      // Why workloads or serving went down: which workloads lack replicas, told with the change.
      if (short && this.trace.events !== undefined) this.trace.note(c.replicasShort());
    }
    this.federation?.evaluate();
    const derived = this.derivedStats;
    for (let k = 0; k < derived.length; k++) {
      const up = derived[k]!.value();
      allUp &&= up;
      if (up === derived[k]!.stats.isUp) continue;
      if (!flushed) this.ledger.flush(now);
      flushed = true;
      derived[k]!.stats.set(now, up);
    }
    if (flushed) this.ledger.signalsChanged(!allUp);
  }

  /**
   * Whether an evaluation now would have work of its own besides what it was woken for: Raft
   * events of a cluster not evaluated yet, a member with campaigns to catch up, a federation step
   * due. Without any, an evaluation after a change that no model sees changes nothing.
   */
  hasDeferredWork(): boolean {
    for (let i = 0; i < this.clusters.length; i++) if (this.clusters[i]!.hasDeferredWork) return true;
    return this.federation?.stepWaiting === true;
  }

  finish(horizon: SimTime): void {
    this.ledger.flush(horizon);
    for (const r of this.results) r.stats.finish(horizon);
  }
}

/** A cluster's scopes for a signal of `layer`: its control plane's, and its workers' for workload signals. */
function clusterScopes(c: ClusterModel, layer: 'controlPlane' | 'scheduling' | 'workloads'): number[] {
  const i = c.layout.index;
  return layer === 'workloads' ? [controlPlaneScope(i), workersScope(i)] : [controlPlaneScope(i)];
}

function clusterLedgerSignal(
  c: ClusterModel,
  layer: 'controlPlane' | 'scheduling' | 'workloads',
  isDown: () => boolean,
  recovering: (c: ClusterModel, layer: 'controlPlane' | 'scheduling' | 'workloads') => number,
): LedgerSignal {
  return { scopes: [EVERY_SIGNAL, ...clusterScopes(c, layer)], isDown, mechanism: () => recovering(c, layer) };
}
