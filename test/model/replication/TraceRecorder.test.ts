import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Simulation } from '../../../src/kernel/index.js';
import { TraceRecorder, type TraceWindow } from '../../../src/model/replication/TraceRecorder.js';
import type { TraceEvent } from '../../../src/model/Trace.js';

/** What the lanes show after `events`: down components with their cause, leaders, down signals, the partition. */
function lanes(events: readonly TraceEvent[]): string {
  const down = new Map<string, string>();
  const leaders = new Map<string, string>();
  const signals = new Set<string>();
  let partition = '';
  for (const e of events) {
    if (e.kind === 'component' || e.kind === 'datacenter') {
      if (e.up) down.delete(e.name);
      else if (!down.has(e.name)) down.set(e.name, e.cause);
    } else if (e.kind === 'leader') leaders.set(e.cluster, `${e.leader}@${e.term}`);
    else if (e.kind === 'signal') {
      if (e.up) signals.delete(e.key);
      else signals.add(e.key);
    } else if (e.kind === 'partition') partition = e.active ? JSON.stringify(e.groups) : '';
  }
  return JSON.stringify([[...down].sort(), [...leaders].sort(), [...signals].sort(), partition]);
}

const names = ['a', 'b', 'c', 'd'];
const eventAt = (t: number) =>
  fc.oneof(
    fc.record({ name: fc.constantFrom(...names), up: fc.boolean(), cause: fc.constantFrom('crash', 'outage') }).map((e) => ({ t, kind: 'component' as const, ...e })),
    fc.record({ leader: fc.constantFrom('etcd-1', 'etcd-2', null), term: fc.nat(9) }).map((e) => ({ t, kind: 'leader' as const, cluster: 'prod', reason: 'r', ...e })),
    fc.record({ key: fc.constantFrom('prod/apiWrite', 'prod/etcdQuorum'), up: fc.boolean() }).map((e) => ({ t, kind: 'signal' as const, ...e })),
    fc.boolean().map((active) => ({ t, kind: 'partition' as const, groups: [['a'], ['b']], active })),
    fc.constant({ t, kind: 'note' as const, text: 'n' }),
  );
const history = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 4 })), { minLength: 1, maxLength: 120 })
  .chain((steps) => {
    let t = 0;
    return fc.tuple(...steps.map(([dt, which]) => ((t += dt), eventAt(t).map((e) => ({ e, which })))));
  })
  .map((xs) => xs.map((x) => x.e as TraceEvent));

function record(events: readonly TraceEvent[], windows: TraceWindow[], free: number, max: number) {
  const r = new TraceRecorder(new Simulation(), true, windows, { free, max });
  for (const e of events) r.record(e);
  const omitted = r.finish(events.at(-1)!.t + 1);
  return { kept: r.events!, gaps: r.gaps, omitted };
}

describe('TraceRecorder', () => {
  it('keeps everything under the free budget, and says nothing was left out', () => {
    fc.assert(
      fc.property(history, (events) => {
        const { kept, gaps, omitted } = record(events, [], events.length, events.length);
        expect(kept).toEqual(events);
        expect(gaps).toEqual([]);
        expect(omitted).toBeUndefined();
      }),
    );
  });

  it('outside its gaps, a bounded trace tells every lane as it was; it never holds more than max', () => {
    fc.assert(
      fc.property(history, fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 200 }), fc.array(fc.tuple(fc.nat(300), fc.nat(40)), { maxLength: 3 }), (events, free, extra, ws) => {
        const max = free + extra;
        const windows = ws.map(([start, len]) => ({ start, end: start + len }));
        const { kept, gaps, omitted } = record(events, windows, free, max);
        expect(kept.length).toBeLessThanOrEqual(max + 4 * names.length + 8);
        // Kept events come in time order, and the counts add up.
        for (let i = 1; i < kept.length; i++) expect(kept[i]!.t).toBeGreaterThanOrEqual(kept[i - 1]!.t);
        if (omitted) expect(Object.values(omitted.byKind).reduce((a, b) => a + b, 0)).toBe(omitted.events);
        for (const g of gaps) expect(g.end).toBeGreaterThan(g.start);
        // At every instant outside the gaps, the kept events tell the same lanes as all of them.
        const instants = [...new Set(events.map((e) => e.t))];
        for (const t of instants) {
          if (gaps.some((g) => g.start <= t && t < g.end)) continue;
          expect(lanes(kept.filter((e) => e.t <= t))).toBe(lanes(events.filter((e) => e.t <= t)));
        }
      }),
    );
  });

  it('keeps the window around a fault and everything while a signal is down, past the free budget', () => {
    const sim = new Simulation();
    const r = new TraceRecorder(sim, true, [{ start: 100, end: 200 }], { free: 2, max: 1000 });
    const c = (t: number, name: string, up: boolean): TraceEvent => ({ t, kind: 'component', name, up, cause: 'crash' });
    for (const e of [c(1, 'a', false), c(2, 'a', true), c(3, 'b', false), c(50, 'b', true), c(60, 'c', false), c(150, 'd', false), c(300, 'e', false)]) r.record(e);
    r.record({ t: 400, kind: 'signal', key: 'prod/apiWrite', up: false });
    r.record(c(410, 'f', false));
    r.record({ t: 420, kind: 'signal', key: 'prod/apiWrite', up: true });
    r.record(c(500, 'g', false));
    const omitted = r.finish(600);
    const kept = r.events!.map((e) => `${e.t}:${e.kind === 'component' ? `${e.name}${e.up ? '+' : '-'}` : e.kind}`);
    // b's failure and recovery, c's failure at 60: left out, then told at the window's start (c is down at 100).
    expect(kept).toEqual(['1:a-', '2:a+', '100:c-', '150:d-', '400:e-', '400:signal', '410:f-', '420:signal']);
    expect(r.gaps).toEqual([
      { start: 3, end: 100 },
      { start: 300, end: 400 },
      { start: 500, end: 600 },
    ]);
    expect(omitted).toEqual({ events: 5, byKind: { component: 5 }, limits: { free: 2, max: 1000 } });
  });

  it('records nothing and allocates no state when no trace was asked for', () => {
    const r = new TraceRecorder(new Simulation(), false);
    r.record({ t: 1, kind: 'note', text: 'x' });
    expect(r.events).toBeUndefined();
    expect(r.finish(10)).toBeUndefined();
  });
});
