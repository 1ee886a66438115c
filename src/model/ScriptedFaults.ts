/** Scripted faults: crashes, outages, partitions, rolling upgrades, tenant incidents and rollouts, at set times. */
import { formatDuration, type Simulation, type SimTime } from '../kernel/index.js';
import type { Fault, Scenario } from '../scenario/Scenario.js';
import type { ClusterModel } from './ClusterModel.js';
import type { Federation } from './Federation.js';
import type { Network } from './Network.js';
import type { Tenancy } from './Tenancy.js';
import type { Topology } from './Topology.js';
import type { TraceEvent } from './Trace.js';

/** What a fault may touch in the world of one replication. */
export interface FaultContext {
  readonly s: Scenario;
  readonly sim: Simulation;
  readonly topology: Topology;
  readonly network: Network;
  readonly clusters: readonly ClusterModel[];
  readonly tenancy: Tenancy;
  readonly federation: Federation | undefined;
  /** Add (d = 1) or remove (d = -1) a cause that holds a host, a component or a datacenter down. */
  holdHost(h: number, d: number, cause: string): void;
  holdComponent(c: number, d: number, cause: string): void;
  holdDatacenter(id: number, d: number, cause: string): void;
  record(e: TraceEvent): void;
  wake(): void;
}

/** Starts a fault now (its `at`); each one schedules its own end. */
export function startFault(w: FaultContext, f: Fault): void {
  const now = w.sim.now;
  const until = (duration: SimTime, end: () => void) => w.sim.schedule(duration, end);
  const fault = (text: string) => w.record({ t: now, kind: 'fault', text });
  switch (f.kind) {
    case 'crash': {
      const c = resolveCrashTarget(w, f.target);
      if (c === undefined) {
        fault(`crash ${f.target}: nothing to crash (no leader right now)`);
        return;
      }
      const name = w.topology.components[c]!.name;
      fault(`crash ${name} for ${formatDuration(f.duration)}`);
      w.holdComponent(c, 1, `scripted crash of ${name}`);
      until(f.duration, () => w.holdComponent(c, -1, `${name} restarts after its scripted crash`));
      return;
    }
    case 'outage': {
      const dc = w.topology.datacenterByName.get(f.target);
      fault(`outage of ${f.target} for ${formatDuration(f.duration)}`);
      if (dc !== undefined) {
        w.holdDatacenter(dc, 1, `scripted outage: ${f.target} goes dark`);
        until(f.duration, () => w.holdDatacenter(dc, -1, `scripted outage of ${f.target} ends`));
        return;
      }
      const domain = w.s.failureDomains.find((d) => d.name === f.target)!;
      const hosts = [...new Set(domain.members.map((m) => w.topology.components[w.topology.componentByName.get(m)!]!.host))];
      const hold = (d: number, cause: string) => hosts.forEach((h) => w.holdHost(h, d, cause));
      hold(1, `scripted outage of failure domain ${f.target}`);
      until(f.duration, () => hold(-1, `failure domain ${f.target} is back`));
      return;
    }
    case 'partition': {
      const p = w.network.resolve(f.groups);
      const text = f.groups.map((g) => `[${g.join(', ')}]`).join(' | ');
      fault(`network partition ${text} for ${formatDuration(f.duration)}`);
      w.network.add(p);
      w.record({ t: now, kind: 'partition', groups: f.groups, active: true });
      w.wake();
      until(f.duration, () => {
        w.network.remove(p);
        w.record({ t: w.sim.now, kind: 'partition', groups: f.groups, active: false });
        w.wake();
      });
      return;
    }
    case 'rollingUpgrade':
      rollingUpgrade(w, f);
      return;
    case 'runaway':
    case 'compromise': {
      fault(`${f.kind === 'runaway' ? 'runaway workload in' : 'compromised pod in'} tenant ${f.tenant} for ${formatDuration(f.duration)}`);
      const end = w.tenancy.start(f.kind, f.tenant, now);
      w.wake();
      until(f.duration, () => {
        end(w.sim.now);
        w.wake();
      });
      return;
    }
    case 'rollout':
      fault(`rollout of ${f.bad ? 'bad ' : ''}version ${f.version}`);
      w.federation?.rollout(f.version, f.bad);
      return;
  }
}

function resolveCrashTarget(w: FaultContext, target: string): number | undefined {
  if (target.endsWith('/etcd-leader')) {
    const cluster = w.clusters.find((c) => `${c.name}/etcd-leader` === target);
    if (!cluster || cluster.etcd.leader < 0) return undefined;
    return cluster.layout.etcd[cluster.etcd.leader];
  }
  return w.topology.componentByName.get(target);
}

/** Upgrades a role's components in batches of `surge`, each batch down for `each`, one after another. */
function rollingUpgrade(w: FaultContext, f: Extract<Fault, { kind: 'rollingUpgrade' }>): void {
  const [clusterName, role] = f.target.split('/') as [string, string];
  const layout = w.topology.clusters.find((c) => c.spec.name === clusterName)!;
  const ids = role === 'controlPlane' ? layout.controlPlane : role === 'etcd' ? layout.etcd : layout.workers;
  w.record({ t: w.sim.now, kind: 'fault', text: `rolling upgrade of ${f.target}: ${ids.length} at ${f.surge} a time, ${formatDuration(f.each)} each` });
  const batch = (start: number) => {
    const group = ids.slice(start, start + f.surge);
    for (const c of group) w.holdComponent(c, 1, `rolling upgrade takes ${w.topology.components[c]!.name} down`);
    w.sim.schedule(f.each, () => {
      for (const c of group) w.holdComponent(c, -1, `${w.topology.components[c]!.name} is back, upgraded`);
      if (start + f.surge < ids.length) batch(start + f.surge);
    });
  };
  if (ids.length > 0) batch(0);
}
