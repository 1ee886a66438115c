/** The signals of one replication: which exist, and their up/down statistics as the world settles. */
import { SignalStats, type SimTime } from '../../kernel/index.js';
import type { Scenario } from '../../scenario/Scenario.js';
import { MODEL_PRESETS } from '../../scenario/presets.js';
import { CLUSTER_SIGNALS, type ClusterSignal } from '../../scenario/signals.js';
import type { ClusterModel } from '../ClusterModel.js';
import type { Federation } from '../Federation.js';
import type { TraceRecorder } from './TraceRecorder.js';

/** A signal's statistics in one replication; `cluster` is `global` for the global signals. */
export interface SignalResult {
  readonly cluster: string;
  readonly signal: string;
  readonly stats: SignalStats;
}

export class SignalRecorder {
  /** Every signal, in report order: per cluster its own then its tenants', then the global ones. */
  readonly results: SignalResult[] = [];
  /** Per cluster, its CLUSTER_SIGNALS that exist (workloads and serving only with workloads), with their stats. */
  private readonly clusterStats: { readonly name: ClusterSignal; readonly stats: SignalStats }[][] = [];
  /** Signals derived from the clusters after they settle: tenants' and the global ones. */
  private readonly derivedStats: { name: string; stats: SignalStats; value: () => boolean }[] = [];

  constructor(
    s: Scenario,
    private readonly clusters: readonly ClusterModel[],
    private readonly federation: Federation | undefined,
    trace: TraceRecorder,
  ) {
    const onChange = (key: string) =>
      trace.events ? (t: SimTime, up: boolean) => trace.record({ t, kind: 'signal', key, up }) : undefined;
    for (const c of clusters) {
      const row: { name: ClusterSignal; stats: SignalStats }[] = [];
      for (const name of CLUSTER_SIGNALS) {
        if ((name === 'workloads' || name === 'serving') && c.layout.spec.workloads.length === 0) continue;
        const stats = new SignalStats(0, true, onChange(`${c.name}/${name}`));
        row.push({ name, stats });
        this.results.push({ cluster: c.name, signal: name, stats });
      }
      this.clusterStats.push(row);
      for (const t of c.layout.spec.tenants) {
        const signal = `tenant:${t.name}`;
        const stats = new SignalStats(0, true, onChange(`${c.name}/${signal}`));
        this.results.push({ cluster: c.name, signal, stats });
        this.derivedStats.push({ name: `${c.name}\u0000${signal}`, stats, value: () => c.tenantUp(t.name) });
      }
    }
    const global = (name: string, value: () => boolean) => {
      const stats = new SignalStats(0, value(), onChange(`global/${name}`));
      this.results.push({ cluster: 'global', signal: name, stats });
      this.derivedStats.push({ name, stats, value });
    };
    // The global service exists where clusters serve together (multi-cluster, federation); a file
    // that holds independent designs side by side (multi-master.yaml) gets none.
    const serving = clusters.filter(
      (c) => c.layout.spec.workloads.length > 0 && MODEL_PRESETS[c.layout.spec.model].servesGlobally,
    );
    if (serving.length > 1) global('service', () => serving.some((c) => c.serving));
    const mgmt = s.management && clusters.find((c) => c.name === s.management!.cluster);
    if (mgmt) global('management', () => mgmt.signals.apiWrite);
    if (federation) global('configPush', () => federation.canPush);
  }

  /**
   * Evaluates every cluster (then the federation) and records each signal's value at `now`;
   * `full` false when only workloads may have changed since the last time (SettleScheduler).
   */
  evaluate(now: SimTime, full = true): void {
    for (let i = 0; i < this.clusters.length; i++) {
      const c = this.clusters[i]!;
      c.evaluate(full);
      for (const r of this.clusterStats[i]!) r.stats.set(now, c.signals[r.name]);
    }
    this.federation?.evaluate();
    for (const g of this.derivedStats) g.stats.set(now, g.value());
  }

  finish(horizon: SimTime): void {
    for (const r of this.results) r.stats.finish(horizon);
  }
}
