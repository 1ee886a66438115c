/** One scenario per kind of problem, with the exact lines a user sees (file x.yaml). */

export const ONE_CLUSTER = 'clusters:\n  - { name: prod, model: multi-master }\n';

// Each row: the spec (line 6 is its first line), then the exact lines expected.
export const ERROR_CASES: readonly { name: string; spec: string; expected: readonly string[] }[] = [
  {
    name: 'an unknown field, with a suggestion',
    spec: `replicatons: 5\n${ONE_CLUSTER}`,
    expected: ["x.yaml:6: spec.replicatons: unknown field 'replicatons'; did you mean 'replications'?"],
  },
  {
    name: 'an unknown field, with the known ones',
    spec: `${ONE_CLUSTER}colour: red\n`,
    expected: [
      "x.yaml:8: spec.colour: unknown field 'colour'; expected one of horizon, replications, seed, datacenters, failureDomains, failures, clusters, faults, raft, kubernetes, etcdLoad, management, federation and cost",
    ],
  },
  {
    name: 'a whole number given as a word',
    spec: 'clusters:\n  - name: prod\n    model: multi-master\n    etcd: { members: three }\n',
    expected: ['x.yaml:9: spec.clusters[0].etcd.members: expected a whole number from 1 to 9, found "three"'],
  },
  {
    name: 'a number out of range',
    spec: 'clusters:\n  - name: prod\n    model: multi-master\n    etcd: { members: 12, topology: external }\n',
    expected: ['x.yaml:9: spec.clusters[0].etcd.members: expected a whole number from 1 to 9, found 12'],
  },
  {
    name: 'a duration with an unknown unit',
    spec: `horizon: 3 fortnights\n${ONE_CLUSTER}`,
    expected: [
      'x.yaml:6: spec.horizon: expected a positive duration like "90s", "15m", "4h", "30d", "1y" or "1h30m", or a number of seconds, found "3 fortnights"',
    ],
  },
  {
    name: 'a negative duration',
    spec: `${ONE_CLUSTER}faults:\n  - { at: -5m, crash: prod/cp-1, for: 1h }\n`,
    expected: [
      'x.yaml:9: spec.faults[0].at: expected a duration like "90s", "15m", "4h", "30d", "1y" or "1h30m", or a number of seconds, not negative, found "-5m"',
    ],
  },
  {
    name: 'a zero duration where a positive one is needed',
    spec: `horizon: 0s\n${ONE_CLUSTER}`,
    expected: [
      'x.yaml:6: spec.horizon: expected a positive duration like "90s", "15m", "4h", "30d", "1y" or "1h30m", or a number of seconds, found "0s"',
    ],
  },
  {
    name: 'a misspelt model',
    spec: 'clusters:\n  - { name: prod, model: multi-masters }\n',
    expected: [
      'x.yaml:7: spec.clusters[0].model: expected one of single-server, multi-tenant, multi-master, multi-cluster, federation, found "multi-masters"; did you mean \'multi-master\'?',
    ],
  },
  {
    name: 'a missing required field',
    spec: 'clusters:\n  - name: prod\n',
    expected: [
      "x.yaml:7: spec.clusters[0]: missing required field 'model' (one of single-server, multi-tenant, multi-master, multi-cluster, federation)",
    ],
  },
  {
    name: 'a distribution with two kinds',
    spec: `failures:\n  etcd: { mttf: { exponential: { mean: 90d }, fixed: 1h }, mttr: 1h }\n${ONE_CLUSTER}`,
    expected: [
      'x.yaml:7: spec.failures.etcd.mttf: expected a duration (the mean of an exponential distribution) or one of { exponential: { mean } }, { weibull: { shape, scale } }, { lognormal: { median, sigma } }, { uniform: { min, max } }, { fixed: D }, found an object with fields exponential, fixed',
    ],
  },
  {
    name: 'an unknown distribution',
    spec: `failures:\n  etcd: { mttf: { normal: { mean: 90d } }, mttr: 1h }\n${ONE_CLUSTER}`,
    expected: ["x.yaml:7: spec.failures.etcd.mttf.normal: unknown field 'normal'; expected one of exponential, weibull, lognormal, uniform and fixed"],
  },
  {
    name: "a distribution's parameters that do not fit",
    spec: `failures:\n  worker: { mttf: 60d, mttr: { uniform: { min: 2h, max: 1h } } }\n${ONE_CLUSTER}`,
    expected: ['x.yaml:7: spec.failures.worker.mttr: invalid uniform distribution: min (7200) must not exceed max (3600)'],
  },
  {
    name: 'a time to failure of zero',
    spec: `failures:\n  worker: { mttf: { fixed: 0 }, mttr: 1h }\n${ONE_CLUSTER}`,
    expected: [
      'x.yaml:7: spec.failures.worker.mttf: expected a time to failure with a mean of at least 1 s, found an object with field fixed (failures faster than that are an event storm, not a failure model)',
    ],
  },
  {
    name: 'a duplicate name',
    spec: `datacenters:\n  - name: dc-a\n  - name: dc-a\n${ONE_CLUSTER}`,
    expected: ["x.yaml:8: spec.datacenters[1].name: duplicate datacenter 'dc-a' (already declared at spec.datacenters[0].name)"],
  },
  {
    name: 'a name with a slash',
    spec: 'clusters:\n  - { name: prod/eu, model: multi-master }\n',
    expected: ['x.yaml:7: spec.clusters[0].name: expected a name without \'/\', control or bidirectional characters, found "prod/eu"'],
  },
  {
    // The summary and the reports name the whole scenario's signals (service, management) global.
    name: 'a cluster named global',
    spec: 'clusters:\n  - { name: global, model: multi-master }\n',
    expected: ['x.yaml:7: spec.clusters[0].name: expected a name without \'/\', control or bidirectional characters, other than global, found "global"'],
  },
  {
    // A right-to-left override would reorder what a terminal shows after it: the message shows it escaped.
    name: 'a name with a bidirectional override',
    spec: 'clusters:\n  - { name: "prod\\u202Eue", model: multi-master }\n',
    expected: ['x.yaml:7: spec.clusters[0].name: expected a name without \'/\', control or bidirectional characters, found "prod\\u{202e}ue"'],
  },
  {
    name: 'an unknown datacenter',
    spec: 'datacenters:\n  - name: dc-a\n  - name: dc-b\nclusters:\n  - { name: prod, model: multi-master, datacenters: [dc-a, dc-c] }\n',
    expected: ["x.yaml:10: spec.clusters[0].datacenters[1]: unknown datacenter 'dc-c'; did you mean 'dc-a'? (expected one of dc-a and dc-b)"],
  },
  {
    name: 'a single-server cluster given several hosts',
    spec: 'clusters:\n  - name: dev\n    model: single-server\n    controlPlane: { nodes: 3 }\n    loadBalancer: { enabled: true }\n',
    expected: [
      'x.yaml:9: spec.clusters[0].controlPlane.nodes: expected 1 for a single-server cluster (one host runs everything), found 3; use model multi-master for more control-plane nodes',
      'x.yaml:10: spec.clusters[0].loadBalancer.enabled: expected false for a single-server cluster (one host, nothing to balance), found true',
    ],
  },
  {
    name: 'stacked etcd larger than the control plane',
    spec: 'clusters:\n  - name: prod\n    model: multi-master\n    controlPlane: { nodes: 3 }\n    etcd: { members: 5 }\n',
    expected: [
      'x.yaml:10: spec.clusters[0].etcd.members: stacked etcd runs member i on control-plane node i, so members + learners (5 + 0) must not exceed controlPlane.nodes (3); add control-plane nodes or use etcd.topology: external',
    ],
  },
  {
    name: 'more than one learner',
    spec: 'clusters:\n  - name: prod\n    model: multi-master\n    etcd: { learners: 2 }\n',
    expected: ['x.yaml:9: spec.clusters[0].etcd.learners: expected a whole number from 0 to 1, found 2'],
  },
  {
    name: 'a multi-tenant cluster without tenants',
    spec: 'clusters:\n  - { name: shared, model: multi-tenant }\n',
    expected: ["x.yaml:7: spec.clusters[0]: a multi-tenant cluster needs tenants: expected at least one under 'tenants', found none"],
  },
  {
    name: 'a workload of an undeclared tenant',
    spec: 'clusters:\n  - name: shared\n    model: multi-tenant\n    tenants: [{ name: team-a }]\n    workloads: [{ name: web, replicas: 2, tenant: team-b }]\n',
    expected: ["x.yaml:10: spec.clusters[0].workloads[0].tenant: unknown tenant 'team-b'; did you mean 'team-a'? (expected one of team-a)"],
  },
  {
    name: 'minAvailable above replicas',
    spec: 'clusters:\n  - name: prod\n    model: multi-master\n    workloads: [{ name: web, replicas: 2, minAvailable: 3 }]\n',
    expected: ['x.yaml:9: spec.clusters[0].workloads[0].minAvailable: expected at most replicas (2), found 3'],
  },
  {
    name: 'a multi-cluster deployment of one cluster',
    spec: 'clusters:\n  - { name: east, model: multi-cluster }\n',
    expected: ['x.yaml:7: spec.clusters[0].model: a multi-cluster deployment needs at least 2 clusters in spec.clusters, found 1'],
  },
  {
    name: 'a federation cluster without spec.federation',
    spec: 'clusters:\n  - { name: host, model: federation }\n  - { name: member, model: federation }\n',
    expected: [
      "x.yaml:7: spec.clusters[0].model: cluster 'host' has model federation, which needs spec.federation (hostCluster, members, rollout), found none",
    ],
  },
  {
    name: 'spec.federation without a federation cluster',
    spec: `${ONE_CLUSTER}federation: { hostCluster: prod }\n`,
    expected: [
      "x.yaml:8: spec.federation: a federation needs member clusters besides the host 'prod': found no other cluster in spec.clusters",
      'x.yaml:8: spec.federation: spec.federation is set but no cluster has model federation',
    ],
  },
  {
    name: 'a federation naming an unknown host',
    spec: 'clusters:\n  - { name: host, model: federation }\n  - { name: member, model: federation }\nfederation: { hostCluster: hots }\n',
    expected: ["x.yaml:9: spec.federation.hostCluster: unknown cluster 'hots'; did you mean 'host'? (expected one of host and member)"],
  },
  {
    name: 'an unknown management cluster',
    spec: 'clusters:\n  - { name: a, model: multi-cluster }\n  - { name: b, model: multi-cluster }\nmanagement: { cluster: mgmt }\n',
    expected: ["x.yaml:9: spec.management.cluster: unknown cluster 'mgmt' (expected one of a and b)"],
  },
  {
    name: 'a crash of a component that does not exist',
    spec: `${ONE_CLUSTER}faults:\n  - { at: 1d, crash: prod/etcd-4, for: 1h }\n`,
    expected: [
      'x.yaml:9: spec.faults[0].crash: unknown component "prod/etcd-4": prod has cp-1..cp-3, etcd-1..etcd-3, worker-1..worker-3, lb and etcd-leader',
    ],
  },
  {
    name: 'a crash in an unknown cluster',
    spec: `${ONE_CLUSTER}faults:\n  - { at: 1d, crash: prd/cp-1, for: 1h }\n`,
    expected: ['x.yaml:9: spec.faults[0].crash: unknown cluster \'prd\'; did you mean \'prod\'? (expected one of prod) in "prd/cp-1"'],
  },
  {
    name: 'a crash of a disabled load balancer',
    spec: 'clusters:\n  - { name: prod, model: multi-master, loadBalancer: { enabled: false } }\nfaults:\n  - { at: 1d, crash: prod/lb, for: 1h }\n',
    expected: ["x.yaml:9: spec.faults[0].crash: 'prod' has no load balancer (its loadBalancer.enabled is false)"],
  },
  {
    name: 'a fault after the horizon',
    spec: `horizon: 30d\n${ONE_CLUSTER}faults:\n  - { at: 40d, crash: prod/cp-1, for: 1h }\n`,
    expected: ['x.yaml:10: spec.faults[0].at: expected a time before the horizon (30d), found "40d"'],
  },
  {
    name: 'a fault of two kinds',
    spec: `${ONE_CLUSTER}faults:\n  - { at: 1d, crash: prod/cp-1, outage: dc-1, for: 1h }\n`,
    expected: [
      'x.yaml:9: spec.faults[0]: expected exactly one of crash, freeze, outage, partition, rollingUpgrade, runaway, compromise, rollout in a fault, found crash and outage; split it into one fault per kind',
    ],
  },
  {
    name: 'a fault of no kind',
    spec: `${ONE_CLUSTER}faults:\n  - { at: 1d, for: 1h }\n`,
    expected: ['x.yaml:9: spec.faults[0]: expected exactly one of crash, freeze, outage, partition, rollingUpgrade, runaway, compromise, rollout in a fault, found none'],
  },
  {
    name: "a field that does not apply to the fault's kind, and one it lacks",
    spec: `${ONE_CLUSTER}faults:\n  - { at: 1d, crash: prod/cp-1, each: 10m }\n`,
    expected: [
      "x.yaml:9: spec.faults[0].each: 'each' does not apply to a crash fault (it applies to rollingUpgrade)",
      "x.yaml:9: spec.faults[0]: missing required field 'for'",
    ],
  },
  {
    name: 'an outage of an unknown place',
    spec: `${ONE_CLUSTER}faults:\n  - { at: 1d, outage: dc-2, for: 1h }\n`,
    expected: ["x.yaml:9: spec.faults[0].outage: unknown datacenter or failure domain 'dc-2'; did you mean 'dc-1'? (expected one of dc-1)"],
  },
  {
    name: 'overlapping partition groups',
    spec: 'datacenters: [{ name: dc-a }, { name: dc-b }]\nclusters:\n  - { name: prod, model: multi-master }\nfaults:\n  - { at: 1d, partition: [[dc-a], [dc-b, dc-a]], for: 1h }\n',
    expected: ["x.yaml:10: spec.faults[0].partition[1][1]: 'dc-a' is in more than one group; partition groups must be disjoint"],
  },
  {
    name: 'a rolling upgrade of an unknown part',
    spec: `${ONE_CLUSTER}faults:\n  - { at: 1d, rollingUpgrade: prod/masters, each: 10m }\n`,
    expected: ['x.yaml:9: spec.faults[0].rollingUpgrade: expected <cluster>/controlPlane, <cluster>/etcd or <cluster>/workers, found "prod/masters"'],
  },
  {
    name: 'a runaway tenant that does not exist',
    spec: 'clusters:\n  - { name: shared, model: multi-tenant, tenants: [{ name: team-a }] }\nfaults:\n  - { at: 1d, runaway: shared/team-c, for: 1h }\n',
    expected: ["x.yaml:9: spec.faults[0].runaway: unknown tenant 'team-c'; did you mean 'team-a'? (expected one of team-a) in cluster 'shared'"],
  },
  {
    name: 'a runaway tenant that does not exist, in a cluster with a very long name (cut, not echoed whole)',
    spec: `clusters:\n  - { name: ${'s'.repeat(3000)}, model: multi-tenant, tenants: [{ name: team-a }] }\nfaults:\n  - { at: 1d, runaway: ${'s'.repeat(3000)}/team-c, for: 1h }\n`,
    expected: [`x.yaml:9: spec.faults[0].runaway: unknown tenant 'team-c'; did you mean 'team-a'? (expected one of team-a) in cluster '${'s'.repeat(60)}…' (3,000 characters)`],
  },
  {
    name: 'a rolling upgrade of the workers of a cluster with a very long name and none (cut, not echoed whole)',
    spec: `clusters:\n  - { name: ${'w'.repeat(3000)}, model: multi-master, workers: { nodes: 0 } }\nfaults:\n  - { at: 1d, rollingUpgrade: ${'w'.repeat(3000)}/workers, each: 10m }\n`,
    expected: [`x.yaml:9: spec.faults[0].rollingUpgrade: '${'w'.repeat(60)}…' (3,000 characters) has no workers to upgrade`],
  },
  {
    name: 'a rollout without a federation, and an unquoted version',
    spec: `${ONE_CLUSTER}faults:\n  - { at: 1d, rollout: 1.10 }\n`,
    expected: [
      'x.yaml:9: spec.faults[0].rollout: expected a version string (quote numbers: "1.10") without control or bidirectional characters, found 1.1',
      'x.yaml:9: spec.faults[0].rollout: a rollout fault needs spec.federation (the clusters it rolls out to), found none',
    ],
  },
  {
    name: 'a rollout version with a bidirectional control',
    spec: `${ONE_CLUSTER}faults:\n  - { at: 1d, rollout: "v2\\u2066" }\n`,
    expected: [
      'x.yaml:9: spec.faults[0].rollout: expected a version string (quote numbers: "1.10") without control or bidirectional characters, found "v2\\u{2066}"',
      'x.yaml:9: spec.faults[0].rollout: a rollout fault needs spec.federation (the clusters it rolls out to), found none',
    ],
  },
  {
    name: 'a rollout without a federation',
    spec: `${ONE_CLUSTER}faults:\n  - { at: 1d, rollout: v2 }\n`,
    expected: ['x.yaml:9: spec.faults[0].rollout: a rollout fault needs spec.federation (the clusters it rolls out to), found none'],
  },
  {
    name: 'an election timeout under 5 heartbeats (etcd refuses to start)',
    spec: `${ONE_CLUSTER}raft: { heartbeatInterval: 100ms, electionTimeout: 400ms }\n`,
    expected: ['x.yaml:8: spec.raft.electionTimeout: etcd requires electionTimeout >= 5 x heartbeatInterval: expected at least 500ms, found 400ms'],
  },
  {
    name: 'a heartbeat too long for the default election timeout',
    spec: `${ONE_CLUSTER}raft: { heartbeatInterval: 300ms }\n`,
    expected: ['x.yaml:8: spec.raft.heartbeatInterval: etcd requires electionTimeout >= 5 x heartbeatInterval: expected at most 200ms, found 300ms'],
  },
  {
    name: 'an election timeout over 50 s',
    spec: `${ONE_CLUSTER}raft: { heartbeatInterval: 1s, electionTimeout: 60s }\n`,
    expected: ['x.yaml:8: spec.raft.electionTimeout: etcd refuses election timeouts over 50s: expected at most 50s, found 1m'],
  },
  {
    name: 'leader-election timings client-go refuses',
    spec: `${ONE_CLUSTER}kubernetes: { leaseDuration: 10s, renewDeadline: 10s, retryPeriod: 9s }\n`,
    expected: [
      'x.yaml:8: spec.kubernetes.leaseDuration: leader election requires leaseDuration > renewDeadline: found leaseDuration 10s and renewDeadline 10s',
      'x.yaml:8: spec.kubernetes.retryPeriod: leader election requires renewDeadline > 1.2 x retryPeriod: found renewDeadline 10s and retryPeriod 9s',
    ],
  },
  {
    name: 'a node monitor that never checks',
    spec: `${ONE_CLUSTER}kubernetes: { nodeMonitorPeriod: 0s }\n`,
    expected: ['x.yaml:8: spec.kubernetes.nodeMonitorPeriod: expected a positive duration like "90s", "15m", "4h", "30d", "1y" or "1h30m", or a number of seconds, found "0s"'],
  },
  {
    name: 'etcd load figures that cannot be (a zero pod lifetime, a negative cost, no leader capacity)',
    spec: `${ONE_CLUSTER}etcdLoad: { podLifetime: 0s, writeCost: -1, leaderWritesPerSecond: 0 }\n`,
    expected: [
      'x.yaml:8: spec.etcdLoad.podLifetime: expected a positive duration like "90s", "15m", "4h", "30d", "1y" or "1h30m", or a number of seconds, found "0s"',
      'x.yaml:8: spec.etcdLoad.leaderWritesPerSecond: expected a positive number, found 0',
      'x.yaml:8: spec.etcdLoad.writeCost: expected a positive number, found -1',
    ],
  },
  {
    name: 'a load balancer given both one datacenter and a list, and a list naming one twice',
    spec: 'datacenters: [{ name: a }, { name: b }]\nclusters:\n  - { name: p, model: multi-master, loadBalancer: { datacenter: a, datacenters: [a] } }\n  - { name: q, model: multi-master, loadBalancer: { datacenters: [a, b, a] } }\n',
    expected: [
      'x.yaml:8: spec.clusters[0].loadBalancer: expected either datacenter (one load balancer) or datacenters (one in each), found both',
      "x.yaml:9: spec.clusters[1].loadBalancer.datacenters[2]: datacenter 'a' is listed twice",
    ],
  },
  {
    name: 'a failure domain named like a datacenter, with an unknown member',
    spec: `${ONE_CLUSTER}failureDomains:\n  - { name: dc-1, members: [prod/cp-1, prod/cp-9] }\n`,
    expected: [
      "x.yaml:9: spec.failureDomains[0].name: 'dc-1' is already a datacenter; an outage fault could not tell the two apart",
      'x.yaml:9: spec.failureDomains[0].members[1]: unknown component "prod/cp-9": prod has cp-1..cp-3, etcd-1..etcd-3, worker-1..worker-3 and lb',
    ],
  },
];
