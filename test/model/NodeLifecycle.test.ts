/** The node lifecycle controller under random failures: what it may never do. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/kernel/index.js';
import { NodeLifecycle, type NodeController } from '../../src/model/NodeLifecycle.js';
import { KUBERNETES_DEFAULTS as K } from '../../src/scenario/defaults.js';
import { runs } from '../runs.js';

/** The kubelet's lease renewal interval (spec.etcdLoad.leaseRenewInterval, 10 s). */
const RENEW = 10;
const ALWAYS: NodeController = { canAct: () => true, tenure: () => 0 };

/** Random down/up periods of workers spread over zones, driven through a NodeLifecycle. */
/** The world's settle as the tests need it: one evaluation (resume) at the end of the instant, however many wakes asked for it. */
function settler(sim: Simulation, nodes: () => NodeLifecycle): () => void {
  let pending = false;
  return () => {
    if (pending) return;
    pending = true;
    sim.schedule(0, () => {
      pending = false;
      nodes().resume();
    });
  };
}

const cases = fc.record({
  zones: fc.integer({ min: 1, max: 3 }),
  workers: fc.integer({ min: 1, max: 12 }),
  phases: fc.array(fc.double({ min: 0, max: RENEW, maxExcluded: true, noNaN: true }), { minLength: 12, maxLength: 12 }),
  outages: fc.array(fc.record({ w: fc.nat(11), at: fc.integer({ min: 0, max: 3000 }), length: fc.integer({ min: 1, max: 2000 }) }), { maxLength: 25 }),
});

describe('NodeLifecycle', () => {
  it('should mark NotReady on a monitor check within one renewal of down + grace, evict only after the toleration, and at most one node a zone every 1/rate seconds', () => {
    fc.assert(
      fc.property(cases, ({ zones, workers, phases, outages }) => {
        // Arrange
        const sim = new Simulation();
        const zoneOf = Int32Array.from({ length: workers }, (_, w) => w % zones);
        const holds = new Int32Array(workers);
        const downSince = new Float64Array(workers);
        const expired: { w: number; t: number }[] = [];
        const checks: string[] = [];
        const leases = { interval: RENEW, phase: Float64Array.from(phases.slice(0, workers)) };
        const wake = settler(sim, () => nodes);
        const nodes: NodeLifecycle = new NodeLifecycle(sim, K, leases, zoneOf, ['a', 'b', 'c'].slice(0, zones), ALWAYS, {
          wake,
          tolerationExpired: (w) => expired.push({ w, t: sim.now }),
          hasPods: () => true,
          readyChanged: (w, ready) => {
            const t = sim.now;
            // The last renewal lies within one interval before the kubelet fell silent.
            if (!ready && (t % K.nodeMonitorPeriod !== 0 || t < downSince[w]! - RENEW + K.nodeMonitorGracePeriod || t > downSince[w]! + K.nodeMonitorGracePeriod + K.nodeMonitorPeriod)) {
              checks.push(`worker ${w} NotReady at ${t}, down since ${downSince[w]}`);
            }
          },
          note: () => undefined,
          narrating: true,
          name: (w) => `w${w}`,
        });
        const change = (w: number, d: number) => {
          const was = holds[w]! > 0;
          holds[w]! += d;
          if (!was && holds[w]! > 0) {
            downSince[w] = sim.now;
            nodes.kubeletSilent(w);
          } else if (was && holds[w] === 0) nodes.kubeletRenews(w);
        };
        for (const o of outages) {
          const w = o.w % workers;
          sim.at(o.at, () => change(w, 1));
          sim.at(o.at + o.length, () => change(w, -1));
        }
        // Act: the checks run at each expiry, while the state is the one it saw.
        const lastInZone = new Float64Array(zones).fill(-Infinity);
        const original = expired.push.bind(expired);
        expired.push = (e) => {
          if (holds[e.w]! === 0) checks.push(`worker ${e.w} evicted while up at ${e.t}`);
          if (e.t < downSince[e.w]! - RENEW + K.nodeMonitorGracePeriod + K.podEvictionTimeout) checks.push(`worker ${e.w} evicted early at ${e.t}`);
          const z = zoneOf[e.w]!;
          if (e.t - lastInZone[z]! < 1 / K.nodeEvictionRate - 1e-9) checks.push(`zone ${z} evicted twice within 10 s at ${e.t}`);
          lastInZone[z] = e.t;
          return original(e);
        };
        sim.run(10_000);
        // Assert
        expect(checks).toEqual([]);
        // A lone outage longer than grace + toleration is evicted, unless its worker is the
        // cluster's only one (then every zone is fully disrupted and nothing is evicted).
        if (outages.length === 1 && outages[0]!.length > K.nodeMonitorGracePeriod + K.podEvictionTimeout && workers > 1) {
          expect(expired.map((e) => e.w)).toEqual([outages[0]!.w % workers]);
        }
      }),
      { numRuns: runs(300) },
    );
  });
});

/**
 * One controller with scripted outages. Defaults: grace 50 s, checks every 5 s, toleration
 * 300 s, 0.1 nodes/s (a token every 10 s), 0.01 nodes/s in a partly disrupted large zone
 * (> 50 nodes), 55%. Kubelets renew every 10 s at phase 0 unless told (so a kubelet silent from
 * a multiple of 10 s renewed last at that instant, and NotReady comes exactly 50 s later).
 */
function controller(zoneOf: readonly number[], zoneNames: readonly string[], ctl: NodeController = ALWAYS, phase: readonly number[] = zoneOf.map(() => 0)) {
  const sim = new Simulation();
  const evicted: string[] = [];
  const notes: string[] = [];
  const notReady: string[] = [];
  const wake = settler(sim, () => nodes);
  const nodes: NodeLifecycle = new NodeLifecycle(sim, K, { interval: RENEW, phase: Float64Array.from(phase) }, Int32Array.from(zoneOf), zoneNames, ctl, {
    wake,
    tolerationExpired: (w) => evicted.push(`w${w}@${sim.now}`),
    hasPods: () => true,
    readyChanged: (w, ready) => notReady.push(`w${w} ${ready ? 'Ready' : 'NotReady'}@${sim.now}`),
    note: (text) => {
      // The per-node lines are checked through readyChanged; keep the zone-level ones here.
      if (text.startsWith('node controller')) notes.push(`${sim.now}: ${text}`);
    },
    narrating: true,
    name: (w) => `w${w}`,
  });
  const down = (at: number, ...ws: number[]) => sim.at(at, () => ws.forEach((w) => nodes.kubeletSilent(w)));
  const up = (at: number, ...ws: number[]) => sim.at(at, () => ws.forEach((w) => nodes.kubeletRenews(w)));
  return { sim, nodes, evicted, notes, notReady, down, up };
}

/** A controller-manager that can be stopped and restarted (a new tenure) from the test. */
function switchable() {
  const state = { acting: true, tenure: 0 };
  return { state, ctl: { canAct: () => state.acting, tenure: () => state.tenure } satisfies NodeController };
}

describe('NodeLifecycle timelines', () => {
  it('should evict a lone dead worker at down + grace + toleration (100 + 50 + 300)', () => {
    const c = controller([0, 0, 0], ['a']);
    c.down(100, 0);
    c.sim.run(10_000);
    expect(c.evicted).toEqual(['w0@450']);
    expect(c.notes).toEqual([]);
  });

  it('should taint a second NotReady node of the zone one token (10 s) after the first', () => {
    const c = controller([0, 0, 0, 0], ['a']);
    c.down(100, 0, 1);
    c.sim.run(10_000);
    expect(c.evicted).toEqual(['w0@450', 'w1@460']);
  });

  it('should count NotReady from the last time a worker went down, not from an earlier outage', () => {
    // Down at 100, up at 120, down at 130: the check scheduled at 150 finds it down for 20 s only.
    const c = controller([0, 0], ['a']);
    c.down(100, 0);
    c.up(120, 0);
    c.down(130, 0);
    c.sim.run(10_000);
    expect(c.evicted).toEqual(['w0@480']);
  });

  it('should spare a worker that returns before its toleration, and one that returns while queued', () => {
    // w0 is tainted at 150 and back at 300 (< 450); w1 waits for the 160 token and is back at 155.
    const c = controller([0, 0, 0, 0], ['a']);
    c.down(100, 0, 1);
    c.up(155, 1);
    c.up(300, 0);
    c.down(500, 0); // and a later outage is evicted afresh: NotReady 550, tainted at once, out at 850
    c.sim.run(10_000);
    expect(c.evicted).toEqual(['w0@850']);
  });

  it('should mark nothing NotReady while the same controller cannot act, then mark the overdue node when it can', () => {
    // The same leader throughout (tenure 0): its timestamp for w0 is the renewal at 100, so at
    // 400 w0 is long overdue: NotReady at once (400 is a check), tainted, evicted at 700.
    const { state, ctl } = switchable();
    state.acting = false;
    const c = controller([0, 0], ['a'], ctl);
    c.down(100, 0);
    c.sim.at(400, () => {
      state.acting = true;
      c.nodes.resume();
    });
    c.sim.run(10_000);
    expect(c.notReady).toEqual(['w0 NotReady@400']);
    expect(c.evicted).toEqual(['w0@700']);
  });

  it('should evict nothing when every zone has lost all its nodes, an empty zone counting as lost', () => {
    const c = controller([0], ['a', 'empty']);
    c.down(100, 0);
    c.sim.run(10_000);
    expect(c.evicted).toEqual([]);
    expect(c.notes).toEqual(['150: node controller: every zone has lost all its nodes; it suspects its own network and stops evicting, lifting the taints it set']);
  });

  it('should lift the taints when the whole cluster goes dark, and taint again one token after a node returns', () => {
    // w0 NotReady and tainted at 150; w1 NotReady at 150 too: the only zone is fully disrupted,
    // w0's taint is lifted and it waits again. w1 returns at 200: a fresh limiter, drained (its
    // rate was 0), gives its first token at 210: w0 is tainted then and evicted at 510.
    const c = controller([0, 0], ['a']);
    c.down(100, 0, 1);
    c.up(200, 1);
    c.sim.run(10_000);
    expect(c.evicted).toEqual(['w0@510']);
    expect(c.notes).toEqual([
      '150: node controller: every zone has lost all its nodes; it suspects its own network and stops evicting, lifting the taints it set',
      '200: node controller: zone a is back to normal (1 of 2 nodes NotReady)',
    ]);
  });

  it('should keep evicting from a fully disrupted zone while another zone is healthy', () => {
    const c = controller([0, 0, 1], ['a', 'b']);
    c.down(100, 0, 1);
    c.sim.run(10_000);
    expect(c.evicted).toEqual(['w0@450', 'w1@460']);
    expect(c.notes).toEqual(['150: node controller: zone a is fully disrupted (2 of 2 nodes NotReady): its pods are evicted at 0.1 nodes/s to move to other zones']);
  });

  it('should taint nothing in a small zone that one monitor pass finds partly disrupted (3 of 4 NotReady)', () => {
    // The pass at 150 marks w0, w1 and w2 NotReady, and only then computes the zone's state
    // (handleDisruption follows the loop over the nodes): partly disrupted, rate 0, so none of
    // them is tainted, not even the first one marked.
    const c = controller([0, 0, 0, 0, 1], ['a', 'b']);
    c.down(100, 0, 1, 2);
    c.sim.run(10_000);
    expect(c.evicted).toEqual([]);
    expect(c.notes).toEqual(['150: node controller: zone a is partly disrupted (3 of 4 nodes NotReady): evictions there stop (a zone this small)']);
  });

  it('should stop evicting in a small zone that becomes partly disrupted at a later pass', () => {
    // w0 is NotReady and tainted at 150; w1 and w2 at 160 make the zone partly disrupted: rate 0.
    const c = controller([0, 0, 0, 0, 1], ['a', 'b']);
    c.down(100, 0);
    c.down(110, 1, 2);
    c.sim.run(10_000);
    expect(c.evicted).toEqual(['w0@450']);
    expect(c.notes).toEqual(['160: node controller: zone a is partly disrupted (3 of 4 nodes NotReady): evictions there stop (a zone this small)']);
  });

  it('should compute the zone once when a datacenter comes back, every node Ready at the same instant', () => {
    // Zone a (4 nodes) goes dark at 100 and is fully disrupted at 150; at 1,000 every kubelet
    // renews at once: one note, back to normal with none NotReady, no passing through partly
    // disrupted (3 of 4) on the way.
    const c = controller([0, 0, 0, 0, 1], ['a', 'b']);
    c.down(100, 0, 1, 2, 3);
    c.up(1000, 0, 1, 2, 3);
    c.sim.run(10_000);
    expect(c.notes).toEqual([
      '150: node controller: zone a is fully disrupted (4 of 4 nodes NotReady): its pods are evicted at 0.1 nodes/s to move to other zones',
      '1000: node controller: zone a is back to normal (0 of 4 nodes NotReady)',
    ]);
    expect(c.notReady.filter((e) => e.endsWith('@1000'))).toEqual(['w0 Ready@1000', 'w1 Ready@1000', 'w2 Ready@1000', 'w3 Ready@1000']);
  });

  it('should slow a large partly disrupted zone to the secondary rate, starting a fresh limiter', () => {
    // 60 nodes in zone a, 40 go down at 100. The pass at 150 marks all 40 NotReady (40/60 >= 55%):
    // the rate drops to 0.01/s. The old limiter still had its token, so the new one starts with
    // one (SwapLimiter): w0 is tainted at 150, then one node every 100 s: w1 at 250, w2 at 350, ...
    const zoneOf = [...Array.from({ length: 60 }, () => 0), 1];
    const c = controller(zoneOf, ['a', 'b']);
    c.down(100, ...Array.from({ length: 40 }, (_, w) => w));
    c.sim.run(700);
    expect(c.evicted).toEqual(['w0@450', 'w1@550', 'w2@650']);
    expect(c.notes).toEqual(['150: node controller: zone a is partly disrupted (40 of 60 nodes NotReady): evictions there slow to 0.01 nodes/s']);
  });

  it('should let a worker back up before the grace period pass unnoticed, and count it Ready afterwards', () => {
    // w0 blips at 100-120: never NotReady. Then both workers die at 200: at 250 the only zone has
    // lost all its nodes, so nothing is evicted (a miscount of the blip would keep one "Ready").
    const c = controller([0, 0], ['a']);
    c.down(100, 0);
    c.up(120, 0);
    c.down(200, 0, 1);
    c.sim.run(10_000);
    expect(c.evicted).toEqual([]);
    expect(c.notes).toEqual(['250: node controller: every zone has lost all its nodes; it suspects its own network and stops evicting, lifting the taints it set']);
  });

  it('should leave the queue alone when a worker that returns was already tainted', () => {
    // w0 tainted at 150, w1 waits for 160; w0 back at 155 must not take w1 out of the queue.
    const c = controller([0, 0, 0, 0], ['a']);
    c.down(100, 0, 1);
    c.up(155, 0);
    c.sim.run(10_000);
    expect(c.evicted).toEqual(['w1@460']);
  });

  it('should queue lifted taints again in worker order', () => {
    // At 150 w0 is tainted, w2 queued, and w1 makes the zone dark: w0's taint is lifted and the
    // queue becomes w0, w1, w2 (not w2, w1, w0). w1 returns at 200: tokens at 210 and 220.
    const c = controller([0, 0, 0], ['a']);
    c.down(100, 0, 2, 1);
    c.up(200, 1);
    c.sim.run(10_000);
    expect(c.evicted).toEqual(['w0@510', 'w2@520']);
  });

  it('should call a zone of exactly largeClusterSizeThreshold (50) nodes small', () => {
    const c = controller([...Array.from({ length: 50 }, () => 0), 1], ['a', 'b']);
    c.down(100, ...Array.from({ length: 28 }, (_, w) => w));
    c.sim.run(200);
    expect(c.notes).toEqual(['150: node controller: zone a is partly disrupted (28 of 50 nodes NotReady): evictions there stop (a zone this small)']);
  });
});

describe('NodeLifecycle: NotReady from the last lease renewal', () => {
  it('should mark a silent node NotReady at the first check after its last renewal + grace (phase 4: 94 + 50 -> 145)', () => {
    // Renewals at 4, 14, ..., 94; silent from 100: last renewal 94, grace ends 144, checks every
    // 5 s: NotReady at 145, tainted at once, evicted at 145 + 300.
    const c = controller([0, 0], ['a'], ALWAYS, [4, 0]);
    c.down(100, 0);
    c.sim.run(10_000);
    expect(c.notReady).toEqual(['w0 NotReady@145']);
    expect(c.evicted).toEqual(['w0@445']);
  });

  it('should wait for the next check when grace ends between two (phase 7.5: 97.5 + 50 -> 150)', () => {
    const c = controller([0, 0], ['a'], ALWAYS, [7.5, 0]);
    c.down(100, 0);
    c.sim.run(10_000);
    expect(c.notReady).toEqual(['w0 NotReady@150']);
  });

  it('should narrate the last renewal, the NotReady time and the two timings', () => {
    const sim = new Simulation();
    const notes: string[] = [];
    const wake = settler(sim, () => nodes);
    const nodes: NodeLifecycle = new NodeLifecycle(sim, K, { interval: RENEW, phase: Float64Array.of(4, 0) }, Int32Array.of(0, 0), ['a'], ALWAYS, {
      wake,
      tolerationExpired: () => undefined,
      hasPods: () => true,
      readyChanged: () => undefined,
      note: (text) => notes.push(text),
      narrating: true,
      name: (w) => `prod/worker-${w + 1}`,
    });
    sim.at(720, () => nodes.kubeletSilent(0));
    sim.at(800, () => nodes.kubeletRenews(0));
    sim.run(1000);
    expect(notes).toEqual([
      'prod/worker-1: its kubelet last renewed its lease at 00:11:54; NotReady at 00:12:45 (grace 50s, checked every 5s)',
      'prod/worker-1: its kubelet renews its lease again: Ready',
    ]);
  });

  it('should renew a full interval after a kubelet comes back from missing a renewal (phase moves to the return)', () => {
    // Phase 0: silent at 103 (last 100), back at 125 (missed 110 and 120): renews at 125, then
    // 135, ... Silent again at 131: last renewal 125, NotReady at 175 (not 180 as with phase 0).
    const c = controller([0, 0], ['a']);
    c.down(103, 0);
    c.up(125, 0);
    c.down(131, 0);
    c.sim.run(10_000);
    expect(c.notReady).toEqual(['w0 NotReady@175']);
  });

  it('should keep the phase of a kubelet silent for less than an interval', () => {
    // Phase 0: silent 101-108 misses nothing; silent again at 115: last renewal 110, NotReady at 160.
    const c = controller([0, 0], ['a']);
    c.down(101, 0);
    c.up(108, 0);
    c.down(115, 0);
    c.sim.run(10_000);
    expect(c.notReady).toEqual(['w0 NotReady@160']);
  });

  it('should count the grace period from a new controller-manager leader start, not from the last renewal', () => {
    // w0 dies at 100 (last renewal 100); the controller-manager is lost from 110 and a new leader
    // (tenure 1) starts at 400: it assumes now for every node, so NotReady at 450, evicted at 750.
    const { state, ctl } = switchable();
    const c = controller([0, 0], ['a'], ctl);
    c.down(100, 0);
    c.sim.at(110, () => {
      state.acting = false;
      c.nodes.resume();
    });
    c.sim.at(400, () => {
      state.acting = true;
      state.tenure = 1;
      c.nodes.resume();
    });
    c.sim.run(10_000);
    expect(c.notReady).toEqual(['w0 NotReady@450']);
    expect(c.evicted).toEqual(['w0@750']);
  });

  it('should still check a node that fell silent in the instant the controller could not act', () => {
    // The controller cannot act only around w0 falling silent at 100, and the next resume()
    // finds it acting as before: w0 must still be checked (renewal at 100: NotReady at 150).
    const { state, ctl } = switchable();
    const c = controller([0, 0], ['a'], ctl);
    c.sim.at(100, () => {
      state.acting = false;
      c.nodes.kubeletSilent(0);
      state.acting = true;
      c.nodes.resume();
    });
    c.sim.run(10_000);
    expect(c.notReady).toEqual(['w0 NotReady@150']);
  });

  it('should evict nothing after a quorum loss that silences every kubelet and the controller alike', () => {
    // Every kubelet and the controller lose the API at 100 for 20 minutes. At 1300 the kubelets
    // renew at once; the controller-manager, which gave its lease up, is back at 1317 as a new
    // leader. Nobody was ever NotReady.
    const { state, ctl } = switchable();
    const c = controller([0, 0, 1, 1], ['a', 'b'], ctl, [1, 3, 5, 7]);
    c.sim.at(100, () => {
      state.acting = false;
      [0, 1, 2, 3].forEach((w) => c.nodes.kubeletSilent(w));
      c.nodes.resume();
    });
    c.sim.at(1300, () => {
      [0, 1, 2, 3].forEach((w) => c.nodes.kubeletRenews(w));
      c.nodes.resume();
    });
    c.sim.at(1317, () => {
      state.acting = true;
      state.tenure = 1;
      c.nodes.resume();
    });
    c.sim.run(10_000);
    expect(c.notReady).toEqual([]);
    expect(c.evicted).toEqual([]);
  });

  it('should give every silent node a fresh grace period when the controller leaves the all-disrupted mode', () => {
    // One zone of 3, phase 0. w0 and w1 die at 100: NotReady at 150; w2 is silent from 148 (last
    // renewal 140, due at 190). The zone is not fully disrupted until w2 is NotReady at 190, when
    // the taint of w0 (set at 150) is lifted. w1 is back at 300: the controller leaves the mode and
    // takes 300 as the time it last heard from every node. w2 renews at 320; w0, requeued, is
    // tainted when the new limiter gives its first token (310) and evicted at 610.
    const c = controller([0, 0, 0], ['a']);
    c.down(100, 0, 1);
    c.down(148, 2);
    c.up(300, 1);
    c.up(320, 2);
    c.sim.run(10_000);
    expect(c.notReady).toEqual(['w0 NotReady@150', 'w1 NotReady@150', 'w2 NotReady@190', 'w1 Ready@300', 'w2 Ready@320']);
    expect(c.evicted).toEqual(['w0@610']);
  });
});
