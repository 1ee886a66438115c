/** The node lifecycle controller under random failures: what it may never do. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/kernel/index.js';
import { NodeLifecycle } from '../../src/model/NodeLifecycle.js';
import { KUBERNETES_DEFAULTS as K } from '../../src/scenario/defaults.js';
import { runs } from '../runs.js';

/** Random down/up periods of workers spread over zones, driven through a NodeLifecycle. */
const cases = fc.record({
  zones: fc.integer({ min: 1, max: 3 }),
  workers: fc.integer({ min: 1, max: 12 }),
  outages: fc.array(fc.record({ w: fc.nat(11), at: fc.integer({ min: 0, max: 3000 }), length: fc.integer({ min: 1, max: 2000 }) }), { maxLength: 25 }),
});

describe('NodeLifecycle', () => {
  it('should evict only workers down for grace + toleration, and at most one node a zone every 1/rate seconds', () => {
    fc.assert(
      fc.property(cases, ({ zones, workers, outages }) => {
        // Arrange
        const sim = new Simulation();
        const zoneOf = Int32Array.from({ length: workers }, (_, w) => w % zones);
        const holds = new Int32Array(workers);
        const downSince = new Float64Array(workers);
        const expired: { w: number; t: number }[] = [];
        const nodes = new NodeLifecycle(sim, K, zoneOf, ['a', 'b', 'c'].slice(0, zones), () => true, {
          tolerationExpired: (w) => expired.push({ w, t: sim.now }),
          note: () => undefined,
        });
        const change = (w: number, d: number) => {
          const was = holds[w]! > 0;
          holds[w]! += d;
          if (!was && holds[w]! > 0) {
            downSince[w] = sim.now;
            nodes.workerDown(w);
          } else if (was && holds[w] === 0) nodes.workerUp(w);
        };
        for (const o of outages) {
          const w = o.w % workers;
          sim.at(o.at, () => change(w, 1));
          sim.at(o.at + o.length, () => change(w, -1));
        }
        // Act: the checks run at each expiry, while the state is the one it saw.
        const checks: string[] = [];
        const lastInZone = new Float64Array(zones).fill(-Infinity);
        const original = expired.push.bind(expired);
        expired.push = (e) => {
          if (holds[e.w]! === 0) checks.push(`worker ${e.w} evicted while up at ${e.t}`);
          if (e.t < downSince[e.w]! + K.nodeMonitorGracePeriod + K.podEvictionTimeout) checks.push(`worker ${e.w} evicted early at ${e.t}`);
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
 * One controller with scripted outages. Defaults: grace 50 s, toleration 300 s, 0.1 nodes/s
 * (a token every 10 s), 0.01 nodes/s in a partly disrupted large zone (> 50 nodes), 55%.
 */
function controller(zoneOf: readonly number[], zoneNames: readonly string[], canAct: () => boolean = () => true) {
  const sim = new Simulation();
  const evicted: string[] = [];
  const notes: string[] = [];
  const nodes = new NodeLifecycle(sim, K, Int32Array.from(zoneOf), zoneNames, canAct, {
    tolerationExpired: (w) => evicted.push(`w${w}@${sim.now}`),
    note: (text) => notes.push(`${sim.now}: ${text}`),
  });
  const down = (at: number, ...ws: number[]) => sim.at(at, () => ws.forEach((w) => nodes.workerDown(w)));
  const up = (at: number, ...ws: number[]) => sim.at(at, () => ws.forEach((w) => nodes.workerUp(w)));
  return { sim, nodes, evicted, notes, down, up };
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

  it('should evict nothing while the controller cannot act, then taint when told to resume', () => {
    let acting = false;
    const c = controller([0, 0], ['a'], () => acting);
    c.down(100, 0);
    c.sim.at(400, () => {
      acting = true;
      c.nodes.resume();
    });
    c.sim.run(10_000);
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

  it('should stop evicting in a small zone once it is partly disrupted (3 of 4 NotReady)', () => {
    // w0 is tainted at 150; w1 waits for 160; w2 makes the zone partly disrupted: rate 0.
    const c = controller([0, 0, 0, 0, 1], ['a', 'b']);
    c.down(100, 0, 1, 2);
    c.sim.run(10_000);
    expect(c.evicted).toEqual(['w0@450']);
    expect(c.notes).toEqual(['150: node controller: zone a is partly disrupted (3 of 4 nodes NotReady): evictions there stop (a zone this small)']);
  });

  it('should slow a large partly disrupted zone to the secondary rate, starting a fresh limiter', () => {
    // 60 nodes in zone a, 40 go down at 100. At 150 w0 is tainted (next token 160); when the 33rd
    // becomes NotReady (33/60 = 55%) the rate drops to 0.01/s, and the new limiter, whose old one
    // had no token left, gives its first token at 150 + 100: w1 at 250, w2 at 350, ...
    const zoneOf = [...Array.from({ length: 60 }, () => 0), 1];
    const c = controller(zoneOf, ['a', 'b']);
    c.down(100, ...Array.from({ length: 40 }, (_, w) => w));
    c.sim.run(700);
    expect(c.evicted).toEqual(['w0@450', 'w1@550', 'w2@650']);
    expect(c.notes).toEqual(['150: node controller: zone a is partly disrupted (33 of 60 nodes NotReady): evictions there slow to 0.01 nodes/s']);
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
