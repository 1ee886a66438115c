/** One cluster's control plane and workloads, and the availability signals they give. */
import type { RandomStreams, Simulation, SimTime } from '../kernel/index.js';
import type { Scenario } from '../scenario/Scenario.js';
import type { ClusterSignal } from '../scenario/signals.js';
import type { Infrastructure } from './Infrastructure.js';
import { KubeletReach } from './KubeletReach.js';
import { LeaseElection, type Candidates } from './LeaseElection.js';
import type { Network } from './Network.js';
import { EtcdCluster, type VoterView } from './raft/EtcdCluster.js';
import type { ClusterLayout, Topology } from './Topology.js';
import { kubeletPhases } from './nodeHeartbeat.js';
import { Workloads } from './Workloads.js';

/** Receives what a cluster wants narrated, and its requests to be evaluated again. */
export interface ClusterListener {
  /** Something in the control plane changed: evaluate everything. */
  wake(): void;
  /** Only workloads changed (pods, nodes): the control planes may skip their evaluation. */
  wakeWorkloads(): void;
  note(text: string): void;
  /** Whether notes are recorded (a trace was asked for); frequent notes are not even written otherwise. */
  readonly narrating?: boolean;
  /** Whether anything is recorded (a trace was asked for): reasons are not even composed otherwise. */
  readonly tracing?: boolean;
  leader(cluster: string, leader: string | null, term: number, reason: string): void;
}


/**
 * The apiserver, controller and workload layers on top of Raft:
 * - apiserver i serves while its control-plane node is up. With stacked etcd it talks only to
 *   its local member (kubeadm), so it can write while that member is up and reaches the leader;
 *   otherwise (external etcd) while its node reaches the leader's side of the network.
 * - apiWrite: the load balancer (if any) is up and routes to an apiserver that can write, and the
 *   etcd leader holds a quorum (no leader, as during an election, means down).
 * - apiRead: the load balancer routes to an apiserver that reaches a live etcd member: reads with
 *   resourceVersion="0" are served from the watch cache, possibly stale, even without quorum.
 * - scheduling: apiWrite, and both the controller-manager and the scheduler have a working leader.
 * - workloads: every workload has all its desired replicas running, as the cluster sees them
 *   (pods on a NotReady node do not count: Workloads); one missing replica is enough to be down.
 * - serving: every workload has at least `minAvailable` replicas running and reachable (the same
 *   count): what a user of the services sees. Kubelets renew their node leases through the
 *   load balancer like any client (KubeletReach), so a zone cut off from every apiserver that
 *   can write goes NotReady and is evicted after the grace period and the tolerations.
 */
export class ClusterModel {
  readonly name: string;
  readonly etcd: EtcdCluster;
  readonly controllerManager: LeaseElection;
  readonly scheduler: LeaseElection;
  readonly workloads: Workloads;
  readonly signals: Record<ClusterSignal, boolean> = {
    etcdQuorum: true,
    apiWrite: true,
    apiRead: true,
    scheduling: true,
    workloads: true,
    serving: true,
  };
  private readonly voterUp: boolean[];
  private readonly voterGroup: Int32Array;
  /** Members whose process is paused (the freeze fault): not up for anyone, but not restarted either. */
  private readonly memberFrozen: Uint8Array;
  /** When each paused member resumes, for the narration only (NaN when not paused). */
  private readonly memberResumesAt: Float64Array;
  private readonly cpWrite: Uint8Array;
  /** Scratch: hosts of the load balancer instances up at the last evaluate. */
  private readonly lbHosts: Int32Array;
  /** The layout as flat arrays for evaluate: components and hosts of the control-plane nodes, etcd members' hosts, load balancers' hosts. */
  private readonly cpComp: Int32Array;
  private readonly cpHost: Int32Array;
  private readonly etcdHost: Int32Array;
  private readonly lbHostOf: Int32Array;
  private readonly stacked: boolean;
  private replicaIntegral = 0;
  private lastFractionAt: SimTime = 0;
  private lastFraction = 1;
  private readonly totalDesired: number;
  private readonly kubelets: KubeletReach;

  constructor(
    private readonly sim: Simulation,
    streams: RandomStreams,
    scenario: Scenario,
    topology: Topology,
    readonly layout: ClusterLayout,
    private readonly infra: Infrastructure,
    private readonly network: Network,
    listener: ClusterListener,
    prefix: string,
  ) {
    const spec = layout.spec;
    this.name = spec.name;
    const voters = layout.voters;
    this.voterUp = new Array<boolean>(voters).fill(true);
    this.voterGroup = new Int32Array(voters);
    this.memberFrozen = new Uint8Array(layout.etcd.length);
    this.memberResumesAt = new Float64Array(layout.etcd.length).fill(NaN);
    this.cpWrite = new Uint8Array(layout.controlPlane.length);
    this.lbHosts = new Int32Array(Math.max(1, layout.loadBalancers.length));
    const hostOf = (id: number) => topology.components[id]!.host;
    this.cpComp = Int32Array.from(layout.controlPlane);
    this.cpHost = Int32Array.from(layout.controlPlane, hostOf);
    this.etcdHost = Int32Array.from(layout.etcd, hostOf);
    this.lbHostOf = Int32Array.from(layout.loadBalancers, hostOf);
    this.stacked = spec.etcd.topology === 'stacked';
    const comp = (id: number) => topology.components[id]!;
    const hostDc = (id: number) => topology.hosts[comp(id).host]!.datacenter;
    const view: VoterView = {
      up: this.voterUp,
      frozen: this.memberFrozen,
      resumesAt: this.memberResumesAt,
      group: this.voterGroup,
      rtt: (i, j) =>
        hostDc(layout.etcd[i]!) === hostDc(layout.etcd[j]!) ? scenario.raft.rttIntraDc : scenario.raft.rttInterDc,
      name: (i) => comp(layout.etcd[i]!).name,
    };
    this.etcd = new EtcdCluster(sim, streams.get(`${prefix}raft/${spec.name}`), scenario.raft, voters, view, {
      leaderChanged: (leader, term, reason) =>
        listener.leader(spec.name, leader >= 0 ? view.name(leader) : null, term, reason),
      note: (text) => listener.note(text),
      wake: () => listener.wake(),
      tracing: listener.tracing !== false,
    });
    const candidates: Candidates = {
      count: layout.controlPlane.length,
      alive: (i) => infra.componentUp(layout.controlPlane[i]!),
      canWrite: (i) => this.cpWrite[i] === 1,
      name: (i) => comp(layout.controlPlane[i]!).name,
    };
    const leaseListener = (what: string) => ({
      holderChanged: (_h: number, reason: string) => listener.note(listener.tracing === false ? '' : reason.replace(what, `${spec.name} ${what}`)),
      wake: () => listener.wake(),
      tracing: listener.tracing !== false,
    });
    this.controllerManager = new LeaseElection(sim, streams.get(`${prefix}lease/${spec.name}/kcm`), scenario.kubernetes, candidates, 'kube-controller-manager', leaseListener('kube-controller-manager'));
    this.scheduler = new LeaseElection(sim, streams.get(`${prefix}lease/${spec.name}/scheduler`), scenario.kubernetes, candidates, 'kube-scheduler', leaseListener('kube-scheduler'));
    const zoneOf = Int32Array.from(layout.workers, (w) => spec.datacenters.indexOf(topology.datacenters[hostDc(w)]!));
    // One setting for the kubelet's renewal (spec.etcdLoad.leaseRenewInterval), read by the load
    // model and here; each kubelet's phase from its cluster's own stream.
    const interval = scenario.etcdLoad.leaseRenewInterval;
    const leases = { interval, phase: kubeletPhases(streams.get(`${prefix}kubelet/${spec.name}`), layout.workers.length, interval) };
    this.workloads = new Workloads(
      sim,
      spec,
      scenario.kubernetes,
      zoneOf,
      spec.datacenters,
      {
        wake: () => listener.wakeWorkloads(),
        note: (t) => listener.note(t),
        // Without a trace nothing is narrated: no need to ask the recorder at every node change.
        get narrating() {
          return listener.tracing !== false && listener.narrating !== false;
        },
      },
      // The controller-manager writes through the apiserver on its own node (kubeadm's
      // controller-manager.conf names the local endpoint), not through the load balancer the
      // kubelets use: it can mark nodes NotReady while no kubelet can renew.
      { canAct: () => this.controllerManager.active, tenure: () => this.controllerManager.tenure },
      () => this.signals.scheduling,
      leases,
    );
    this.kubelets = new KubeletReach(topology, layout, network, this.workloads, zoneOf, spec.datacenters, (t) => listener.note(t));
    this.totalDesired = spec.workloads.reduce((a, w) => a + w.replicas, 0);
  }

  /** Pauses (until `resumesAt`, when known) or resumes etcd member `m` (0-based within this cluster); the caller wakes the world. */
  freezeMember(m: number, frozen: boolean, resumesAt: SimTime = NaN): void {
    this.memberFrozen[m] = frozen ? 1 : 0;
    this.memberResumesAt[m] = frozen ? resumesAt : NaN;
  }

  /** Whether etcd member `m` runs: its component is up and its process is not paused. */
  private memberRuns(m: number): boolean {
    return this.infra.componentUp(this.layout.etcd[m]!) && this.memberFrozen[m] === 0;
  }

  /** Worker host `w` (0-based within this cluster) changed state; returns whether the workloads may see it (Workloads.workerChanged). */
  workerChanged(w: number, up: boolean): boolean {
    return this.workloads.workerChanged(w, up);
  }

  /** Whether an evaluation has Raft work waiting for it (ClusterModel.evaluate takes the full path then, whatever changed). */
  get hasDeferredWork(): boolean {
    return this.etcd.hasDeferredWork;
  }

  /**
   * Recomputes leadership and every signal from the current state of the infrastructure.
   * `full` false says that only workloads changed since the last evaluation (a worker, a pod, a
   * node's readiness): then Raft, the apiservers, the leases and the kubelets' reach are as they
   * were, and only the workloads are evaluated, unless a Raft event of this cluster ran meanwhile
   * or a member cut off from every quorum has campaigns to catch up on (the one part of Raft
   * that moves with time alone): those take the full path, so the outcome is the same as a full
   * evaluation's.
   */
  evaluate(full = true): void {
    if (full || this.etcd.touched || this.etcd.catchUpAll()) this.evaluateControlPlane();
    this.workloads.evaluate();
    this.signals.workloads = this.allReplicas();
    this.signals.serving = this.serving;
    this.trackFraction();
  }

  private evaluateControlPlane(): void {
    const { layout, infra, network, voterUp, voterGroup } = this;
    const group = network.group;
    const voters = layout.voters;
    for (let i = 0; i < voters; i++) {
      voterUp[i] = this.memberRuns(i);
      voterGroup[i] = group[this.etcdHost[i]!]!;
    }
    this.etcd.evaluate();
    const writable = this.etcd.writable;
    const q = this.etcd.currentQuorum;
    const leaderGroup = q.kind === 'held' ? q.group : -1;
    // Hosts of the load balancer instances that are up; -1 stands for clients that reach every
    // apiserver directly (no load balancer).
    const lbHosts = this.lbHosts;
    let lbCount = 0;
    if (layout.loadBalancers.length === 0) lbHosts[lbCount++] = -1;
    for (let j = 0; j < layout.loadBalancers.length; j++) if (infra.componentUp(layout.loadBalancers[j]!)) lbHosts[lbCount++] = this.lbHostOf[j]!;
    let canWriteViaLb = false;
    let canReadViaLb = false;
    const cps = this.cpComp.length;
    for (let i = 0; i < cps; i++) {
      const cpHost = this.cpHost[i]!;
      const apiUp = infra.componentUp(this.cpComp[i]!);
      let reachesLeader: boolean;
      let reachesMember: boolean;
      if (this.stacked && i < this.etcdHost.length) {
        // Its local member (the same index); voterUp says whether a voter's member runs. A
        // learner serves no watch (etcd refuses stream RPCs on learners): no cache, no reads.
        const localVoterUp = i < voters && voterUp[i] === true;
        reachesLeader = localVoterUp && voterGroup[i] === leaderGroup;
        reachesMember = localVoterUp;
      } else {
        const g = group[cpHost]!;
        reachesLeader = g === leaderGroup;
        reachesMember = false;
        for (let v = 0; v < voters && !reachesMember; v++) reachesMember = voterUp[v] === true && voterGroup[v] === g;
      }
      const canWrite = apiUp && writable && reachesLeader;
      this.cpWrite[i] = canWrite ? 1 : 0;
      if (!apiUp || (!canWrite && !reachesMember)) continue;
      let routed = false;
      for (let j = 0; j < lbCount && !routed; j++) routed = lbHosts[j]! < 0 || group[lbHosts[j]!] === group[cpHost];
      if (routed && canWrite) canWriteViaLb = true;
      if (routed && reachesMember) canReadViaLb = true;
    }
    this.signals.etcdQuorum = q.kind === 'held';
    this.signals.apiWrite = canWriteViaLb;
    this.signals.apiRead = canReadViaLb;
    this.controllerManager.evaluate();
    this.scheduler.evaluate();
    this.signals.scheduling = this.signals.apiWrite && this.controllerManager.active && this.scheduler.active;
    this.kubelets.update(this.cpWrite, lbHosts, lbCount, canWriteViaLb);
  }

  /** Whether every workload has at least `minAvailable` replicas serving (for global signals). */
  get serving(): boolean {
    const wl = this.layout.spec.workloads;
    if (wl.length === 0) return false;
    for (let j = 0; j < wl.length; j++) if (this.workloads.effectiveRunning(j) < wl[j]!.minAvailable) return false;
    return true;
  }

  /** Whether every workload of tenant t has its desired replicas serving. */
  tenantUp(tenant: string): boolean {
    const wl = this.layout.spec.workloads;
    for (let j = 0; j < wl.length; j++) {
      if (wl[j]!.tenant === tenant && this.workloads.effectiveRunning(j) < wl[j]!.replicas) return false;
    }
    return true;
  }

  /**
   * The workloads short of replicas, in words, for the trace: `prod/web: 3 of 6 replicas
   * running, fewer than minAvailable 4` (serving needs minAvailable; workloads every replica).
   */
  replicasShort(): string {
    const wl = this.layout.spec.workloads;
    const parts: string[] = [];
    for (let j = 0; j < wl.length; j++) {
      const running = this.workloads.effectiveRunning(j);
      const { name, replicas, minAvailable } = wl[j]!;
      if (running >= replicas) continue;
      parts.push(`${this.name}/${name}: ${running} of ${replicas} replicas running${running < minAvailable ? `, fewer than minAvailable ${minAvailable}` : ''}`);
    }
    return parts.join('; ');
  }

  /** Time-weighted fraction of desired replicas running over [0, end]; NaN without workloads. */
  replicaFraction(end: SimTime): number {
    if (this.totalDesired === 0) return NaN;
    return (this.replicaIntegral + this.lastFraction * (end - this.lastFractionAt)) / end;
  }

  private allReplicas(): boolean {
    const w = this.workloads;
    for (let j = 0; j < w.workloadCount; j++) if (w.effectiveRunning(j) < w.desired[j]!) return false;
    return true;
  }

  /**
   * The integral grows by a span only when the fraction changes (and at the end): a span is added
   * once, whole, however many evaluations found it unchanged, so the sum does not depend on how
   * often the world is evaluated.
   */
  private trackFraction(): void {
    if (this.totalDesired === 0) return;
    let run = 0;
    const w = this.workloads;
    for (let j = 0; j < w.workloadCount; j++) run += Math.min(w.effectiveRunning(j), w.desired[j]!);
    const fraction = run / this.totalDesired;
    if (fraction === this.lastFraction) return;
    const now = this.sim.now;
    this.replicaIntegral += this.lastFraction * (now - this.lastFractionAt);
    this.lastFraction = fraction;
    this.lastFractionAt = now;
  }
}
