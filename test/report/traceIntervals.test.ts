import { describe, expect, it } from 'vitest';
import type { Trace, TraceEvent } from '../../src/model/Trace.js';
import { MAX_WORKER_ROWS } from '../../src/report/_internals/componentLanes.js';
import { causeCategory, traceIntervals } from '../../src/report/traceIntervals.js';
import { trace } from './fixtures.js';

describe('traceIntervals', () => {
  it('should turn the fixture into down spans, leader spans and signal states', () => {
    const d = traceIntervals(trace);
    expect(d.componentLanes).toEqual([
      'dc-c',
      'prod/cp-1', 'prod/cp-2', 'prod/cp-3', 'prod/etcd-1', 'prod/etcd-2', 'prod/etcd-3',
      'prod/worker-3', 'prod/lb', 'staging/cp-1', 'staging/etcd-1',
      'network partition',
    ]);
    expect(d.hiddenComponents).toBe(3); // workers 1, 2 and 4 never failed
    expect(d.down.find((i) => i.lane === 'prod/etcd-1')).toMatchObject({ start: 1800, end: 9000, state: 'fault' });
    expect(d.leaders.filter((l) => l.lane === 'prod etcd leader').map((l) => [l.state, l.start, l.end])).toEqual([
      ['etcd-1', 0, 1800],
      ['no leader', 1800, 1801.2],
      ['etcd-2', 1801.2, 6 * 3600],
    ]);
    expect(d.signals.filter((s) => s.lane === 'prod/apiWrite').map((s) => s.state)).toEqual(['up', 'down', 'up', 'down', 'up']);
    expect(d.faults.map((f) => f.t)).toEqual([1800, 10800, 14400]);
  });

  it('should close what is still open at the horizon and mark a leader not recorded from the start', () => {
    const events: TraceEvent[] = [
      { t: 50, kind: 'component', name: 'c/cp-1', up: false, cause: 'controlPlane failure: c/cp-1 fails' },
      { t: 60, kind: 'leader', cluster: 'c', leader: null, term: 1, reason: 'lost' },
      { t: 70, kind: 'signal', key: 'c/apiWrite', up: false },
    ];
    const d = traceIntervals({ horizon: 100, events, components: ['c/cp-1'], signals: ['c/apiWrite'] });
    expect(d.down).toEqual([{ lane: 'c/cp-1', start: 50, end: 100, state: 'controlPlane failure', detail: 'controlPlane failure: c/cp-1 fails; still down at the end' }]);
    expect(d.leaders.map((l) => [l.state, l.start, l.end])).toEqual([['not recorded', 0, 60], ['no leader', 60, 100]]);
    expect(d.signals.map((s) => [s.state, s.start, s.end])).toEqual([['up', 0, 70], ['down', 70, 100]]);
  });

  it(`should fold a cluster's workers into one row when more than ${MAX_WORKER_ROWS} of them fail`, () => {
    const workers = Array.from({ length: 10 }, (_, i) => `big/worker-${i + 1}`);
    const events: TraceEvent[] = workers.slice(0, MAX_WORKER_ROWS + 1).flatMap((name, i) => [
      { t: i, kind: 'component', name, up: false, cause: 'worker failure: x' } as const,
      { t: i + 0.5, kind: 'component', name, up: true, cause: 'repaired' } as const,
    ]);
    events.push({ t: 1, kind: 'component', name: 'small/worker-2', up: false, cause: 'worker failure: y' });
    const t: Trace = { horizon: 100, events, components: ['big/cp-1', ...workers, 'small/worker-1', 'small/worker-2'], signals: [] };
    const d = traceIntervals(t);
    expect(d.componentLanes).toEqual(['big/cp-1', 'big/workers', 'small/worker-2']);
    expect(d.down.filter((i) => i.lane === 'big/workers').length).toBe(MAX_WORKER_ROWS + 1);
    expect(d.down[0]!.detail).toMatch(/^big\/worker-1; /);
    expect(d.hiddenComponents).toBe(10 + 1); // every big worker, and small/worker-1
  });

  it.each([
    ['worker failure: prod/worker-7 fails', 'worker failure'],
    ['datacenter down', 'datacenter down'],
    [': odd', ': odd'],
    ['scripted crash of prod/etcd-1', 'scripted crash'],
    ['rolling upgrade takes prod/cp-2 down', 'rolling upgrade'],
    ['scripted outage of failure domain rack-1', 'scripted outage'],
    ['failure domain rack-1 fails', 'failure domain outage'],
    ['', 'unknown'],
  ])('causeCategory(%j) = %j', (cause, category) => expect(causeCategory(cause)).toBe(category));
});
