/** Reads spec.raft, spec.kubernetes, spec.etcdLoad, spec.cost, spec.management and spec.federation, with their defaults. */
import { formatDuration } from '../../kernel/index.js';
import { COST_DEFAULTS, ETCD_LOAD_DEFAULTS, FEDERATION_ROLLOUT_DEFAULTS, KUBERNETES_DEFAULTS, RAFT_DEFAULTS, TIMING_RULES } from '../defaults.js';
import { ROLES, type CostSpec, type EtcdLoadSettings, type FederationSpec, type KubernetesSettings, type RaftSettings, type Role } from '../Scenario.js';
import { checkReference, type NameSet } from './names.js';
import type { Path } from './Path.js';
import type { Problems } from './Problems.js';
import { field, need, readBoolean, readDuration, readEnum, readInteger, readList, readNumber, readObject, readString } from './read.js';
import { quoteName } from '../../kernel/quoteValue.js';

export function readRaft(p: Problems, v: unknown, path: Path): RaftSettings {
  const obj = readObject(p, v, path);
  const d = (key: keyof RaftSettings, positive = false) => readDuration(p, field(obj, key), [...path, key], positive);
  const raft: RaftSettings = {
    heartbeatInterval: d('heartbeatInterval', true) ?? RAFT_DEFAULTS.heartbeatInterval,
    electionTimeout: d('electionTimeout', true) ?? RAFT_DEFAULTS.electionTimeout,
    preVote: readBoolean(p, field(obj, 'preVote'), [...path, 'preVote']) ?? RAFT_DEFAULTS.preVote,
    rttIntraDc: d('rttIntraDc') ?? RAFT_DEFAULTS.rttIntraDc,
    rttInterDc: d('rttInterDc') ?? RAFT_DEFAULTS.rttInterDc,
    fsync: d('fsync') ?? RAFT_DEFAULTS.fsync,
  };
  const { electionPerHeartbeat: k, maxElectionTimeout } = TIMING_RULES;
  if (raft.electionTimeout < k * raft.heartbeatInterval) {
    // Blame the value the file sets (the election timeout when both are set).
    const rule = `etcd requires electionTimeout >= ${k} x heartbeatInterval`;
    if (field(obj, 'electionTimeout') !== undefined || field(obj, 'heartbeatInterval') === undefined) {
      p.add([...path, 'electionTimeout'], `${rule}: expected at least ${formatDuration(k * raft.heartbeatInterval)}, found ${formatDuration(raft.electionTimeout)}`);
    } else {
      p.add([...path, 'heartbeatInterval'], `${rule}: expected at most ${formatDuration(raft.electionTimeout / k)}, found ${formatDuration(raft.heartbeatInterval)}`);
    }
  }
  if (raft.electionTimeout > maxElectionTimeout) {
    p.add([...path, 'electionTimeout'], `etcd refuses election timeouts over ${maxElectionTimeout}s: expected at most ${maxElectionTimeout}s, found ${formatDuration(raft.electionTimeout)}`);
  }
  return raft;
}

export function readKubernetes(p: Problems, v: unknown, path: Path): KubernetesSettings {
  const obj = readObject(p, v, path);
  const d = (key: keyof KubernetesSettings, positive = false) => readDuration(p, field(obj, key), [...path, key], positive);
  const k8s: KubernetesSettings = {
    leaseDuration: d('leaseDuration', true) ?? KUBERNETES_DEFAULTS.leaseDuration,
    renewDeadline: d('renewDeadline', true) ?? KUBERNETES_DEFAULTS.renewDeadline,
    retryPeriod: d('retryPeriod', true) ?? KUBERNETES_DEFAULTS.retryPeriod,
    nodeMonitorGracePeriod: d('nodeMonitorGracePeriod', true) ?? KUBERNETES_DEFAULTS.nodeMonitorGracePeriod,
    nodeMonitorPeriod: d('nodeMonitorPeriod', true) ?? KUBERNETES_DEFAULTS.nodeMonitorPeriod,
    podEvictionTimeout: d('podEvictionTimeout') ?? KUBERNETES_DEFAULTS.podEvictionTimeout,
    podStartup: d('podStartup') ?? KUBERNETES_DEFAULTS.podStartup,
    nodeEvictionRate: readNumber(p, field(obj, 'nodeEvictionRate'), [...path, 'nodeEvictionRate']) ?? KUBERNETES_DEFAULTS.nodeEvictionRate,
    secondaryNodeEvictionRate:
      readNumber(p, field(obj, 'secondaryNodeEvictionRate'), [...path, 'secondaryNodeEvictionRate']) ?? KUBERNETES_DEFAULTS.secondaryNodeEvictionRate,
    unhealthyZoneThreshold: readNumber(p, field(obj, 'unhealthyZoneThreshold'), [...path, 'unhealthyZoneThreshold']) ?? KUBERNETES_DEFAULTS.unhealthyZoneThreshold,
    largeClusterSizeThreshold:
      readInteger(p, field(obj, 'largeClusterSizeThreshold'), [...path, 'largeClusterSizeThreshold'], 0) ?? KUBERNETES_DEFAULTS.largeClusterSizeThreshold,
  };

  // The same checks as client-go's NewLeaderElector, which refuses to start otherwise.
  if (k8s.leaseDuration <= k8s.renewDeadline) {
    p.add(
      [...path, field(obj, 'leaseDuration') === undefined ? 'renewDeadline' : 'leaseDuration'],
      `leader election requires leaseDuration > renewDeadline: found leaseDuration ${formatDuration(k8s.leaseDuration)} and renewDeadline ${formatDuration(k8s.renewDeadline)}`,
    );
  }
  const jitter = TIMING_RULES.leaderElectionJitter;
  if (k8s.renewDeadline <= jitter * k8s.retryPeriod) {
    p.add(
      [...path, field(obj, 'retryPeriod') === undefined ? 'renewDeadline' : 'retryPeriod'],
      `leader election requires renewDeadline > ${jitter} x retryPeriod: found renewDeadline ${formatDuration(k8s.renewDeadline)} and retryPeriod ${formatDuration(k8s.retryPeriod)}`,
    );
  }
  return k8s;
}

export function readEtcdLoad(p: Problems, v: unknown, path: Path): EtcdLoadSettings {
  const obj = readObject(p, v, path);
  const at = (key: keyof EtcdLoadSettings) => [...path, key];
  const dflt = ETCD_LOAD_DEFAULTS;
  const num = (key: keyof EtcdLoadSettings, positive = false) => readNumber(p, field(obj, key), at(key), positive) ?? (dflt[key] as number);
  const dur = (key: keyof EtcdLoadSettings) => readDuration(p, field(obj, key), at(key), true) ?? (dflt[key] as number);
  return {
    podsPerNode: num('podsPerNode'),
    podLifetime: dur('podLifetime'),
    writesPerPod: num('writesPerPod'),
    eventsPerPod: num('eventsPerPod'),
    eventsInSeparateEtcd: readBoolean(p, field(obj, 'eventsInSeparateEtcd'), at('eventsInSeparateEtcd')) ?? dflt.eventsInSeparateEtcd,
    leaseRenewInterval: dur('leaseRenewInterval'),
    nodeStatusReportInterval: dur('nodeStatusReportInterval'),
    leaderWritesPerSecond: num('leaderWritesPerSecond', true),
    writeCost: num('writeCost', true),
  };
}

export function readCost(p: Problems, v: unknown, path: Path): CostSpec {
  const obj = readObject(p, v, path);
  const hourlyObj = readObject(p, field(obj, 'hourly'), [...path, 'hourly']);
  const hourly = {} as Record<Role, number>;
  for (const role of ROLES) {
    hourly[role] = readNumber(p, field(hourlyObj, role), [...path, 'hourly', role]) ?? COST_DEFAULTS.hourly[role];
  }
  const currency = readString(p, field(obj, 'currency'), [...path, 'currency']) ?? COST_DEFAULTS.currency;
  const downtimePerMinute = readNumber(p, field(obj, 'downtimePerMinute'), [...path, 'downtimePerMinute']);
  return downtimePerMinute === undefined ? { currency, hourly } : { currency, hourly, downtimePerMinute };
}

/** spec.management: `{ cluster }`. */
export function readManagement(p: Problems, v: unknown, path: Path, clusters: NameSet): { cluster: string } | undefined {
  const obj = readObject(p, v, path);
  if (obj === undefined) return undefined;
  const cluster = readString(p, need(p, obj, path, 'cluster'), [...path, 'cluster']);
  if (cluster === undefined || !checkReference(p, cluster, clusters, [...path, 'cluster'], 'cluster')) return undefined;
  return { cluster };
}

/** spec.federation: the host, the members (default: every other cluster) and the rollout. */
export function readFederation(p: Problems, v: unknown, path: Path, clusters: NameSet): FederationSpec | undefined {
  const obj = readObject(p, v, path);
  if (obj === undefined) return undefined;
  const hostCluster = readString(p, need(p, obj, path, 'hostCluster'), [...path, 'hostCluster']);
  if (hostCluster !== undefined) checkReference(p, hostCluster, clusters, [...path, 'hostCluster'], 'cluster');
  const membersPath = [...path, 'members'];
  let members: string[];
  if (field(obj, 'members') === undefined) {
    members = clusters.names.filter((c) => c !== hostCluster);
    if (members.length === 0 && clusters.complete) {
      p.add(path, `a federation needs member clusters besides the host '${hostCluster ?? ''}': found no other cluster in spec.clusters`);
    }
  } else {
    members = [];
    readList(p, field(obj, 'members'), membersPath).forEach((item, i) => {
      const name = readString(p, item, [...membersPath, i]);
      if (name === undefined) return;
      if (members.includes(name)) p.add([...membersPath, i], `member ${quoteName(name)} is listed twice`);
      else if (checkReference(p, name, clusters, [...membersPath, i], 'cluster')) members.push(name);
    });
  }
  const rollout = readObject(p, field(obj, 'rollout'), [...path, 'rollout']);
  const at = (key: string) => [...path, 'rollout', key];
  const dflt = FEDERATION_ROLLOUT_DEFAULTS;
  const strategies = ['hardCutover', 'canary', 'gradual'] as const;
  return {
    hostCluster: hostCluster ?? '',
    members,
    rollout: {
      strategy: readEnum(p, field(rollout, 'strategy'), at('strategy'), strategies) ?? dflt.strategy,
      stepSize: readInteger(p, field(rollout, 'stepSize'), at('stepSize'), 1) ?? dflt.stepSize,
      bake: readDuration(p, field(rollout, 'bake'), at('bake')) ?? dflt.bake,
      detect: readDuration(p, field(rollout, 'detect'), at('detect')) ?? dflt.detect,
      rollback: readDuration(p, field(rollout, 'rollback'), at('rollback')) ?? dflt.rollback,
    },
  };
}
