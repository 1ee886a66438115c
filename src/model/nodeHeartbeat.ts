/**
 * When a silent node turns NotReady: the kubelet's lease renewals and the node monitor's checks,
 * as pure arithmetic (no kernel, no state), so that the rule can be read and tested on its own.
 */
import type { RandomStream, SimTime } from '../kernel/index.js';

/**
 * The kubelet renews its node Lease every `interval` (10 s, Kubernetes "Nodes", heartbeats) at
 * `phase + k * interval`. Returns the last renewal at or before `t` (before 0 when `t` comes
 * before the first one: every kubelet is taken to have renewed one interval before its phase).
 *
 * Why a fixed period and not the kubelet's own 4% jitter (wait.JitterUntil in the lease
 * controller): with a fixed period the last renewal is computed when a kubelet falls silent,
 * instead of scheduling an event every 10 s for every node over a simulated year.
 */
export function lastRenewal(phase: SimTime, interval: SimTime, t: SimTime): SimTime {
  return phase + Math.floor((t - phase) / interval) * interval;
}

/**
 * The node lifecycle controller runs monitorNodeHealth every `period` (kube-controller-manager
 * --node-monitor-period, 5 s). The checks are taken at the multiples of the period from time 0:
 * the first at or after `t`.
 */
export function nextCheck(t: SimTime, period: SimTime): SimTime {
  return Math.ceil(t / period) * period;
}

/**
 * When the controller marks a silent node NotReady: at the first check at or after `observedFrom`
 * + `grace` (--node-monitor-grace-period, 50 s), where `observedFrom` is when the controller last
 * saw a renewal: the kubelet's last renewal, or the time the controller started watching if it
 * started later (a fresh controller takes "now" for every node it has not seen yet:
 * "Missing timestamp for Node. Assuming now as a timestamp", node_lifecycle_controller.go).
 * Never before `now`: an overdue node is marked at the next check.
 */
export function notReadyAt(observedFrom: SimTime, grace: SimTime, period: SimTime, now: SimTime): SimTime {
  return nextCheck(Math.max(observedFrom + grace, now), period);
}

/**
 * The renewal phase of each of `n` kubelets, uniform in [0, interval): kubelets start at
 * unrelated times, so their renewals are spread over the interval. Drawn from one named stream
 * (`kubelet/<cluster>`), in worker order.
 */
export function kubeletPhases(stream: RandomStream, n: number, interval: SimTime): Float64Array {
  const phase = new Float64Array(n);
  for (let w = 0; w < n; w++) phase[w] = stream.next() * interval;
  return phase;
}
