import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE } from '../../src/kernel/index.js';
import type { Fault } from '../../src/scenario/Scenario.js';
import { activeSeconds, marginFor, zoomWindows } from '../../src/report/zoomWindows.js';
import { scenario, trace } from './fixtures.js';

describe('zoomWindows', () => {
  it('should frame each fault until the signals that went down meanwhile are back, a quarter of that span either side', () => {
    // Act
    const windows = zoomWindows(scenario, trace);

    // Assert
    expect(windows.map((w) => [w.id, w.start, w.end, w.title])).toEqual([
      // The crash (00:30 for 2h) outlasts the signals it took down: 2h, so ±30m.
      ['zoom-fault-1', 0, 3 * HOUR, 'crash prod/etcd-1 for 2h · 00:00 to 03:00 (±30m)'],
      // The partition (03:00 for 15m): apiWrite and apiRead back at 03:15; a quarter of 15m rounds up to 5m.
      ['zoom-fault-2', 2 * HOUR + 55 * MINUTE, 3 * HOUR + 20 * MINUTE, 'partition [dc-a] | [dc-b, dc-c] for 15m · 02:55 to 03:20 (±5m)'],
      // The dc-c outage (04:00 for 1h): staging went down meanwhile and its workloads were back at 05:07:00.
      ['zoom-fault-3', 3 * HOUR + 30 * MINUTE, 5 * HOUR + 37 * MINUTE, 'outage of dc-c for 1h · 03:30 to 05:37 (±30m)'],
    ]);
    expect(windows[1]!.subtitle[0]).toBe('From 5m before the fault to 5m after the signals that went down meanwhile were back up (prod/apiWrite, prod/apiRead; the last at 03:15:00).');
    // Staging's 40-minute outage, the worst, lies inside the outage's panel: it gets no panel of its own.
    expect(windows[2]!.subtitle).toContain('It holds the worst outage of this replication: staging/workloads down 40m 20s from 04:26:40.');
  });

  it('should give the worst outage its own panel when no fault panel holds it, and title a named fault by its name', () => {
    // Arrange: only the crash, named.
    const crash = { ...scenario.faults[0]!, name: 'leader-crash' } as Fault;

    // Act
    const windows = zoomWindows({ ...scenario, faults: [crash] }, trace);

    // Assert
    expect(windows.map((w) => w.id)).toEqual(['zoom-fault-1', 'zoom-worst']);
    expect(windows[0]!.title).toBe('leader-crash · 00:00 to 03:00 (±30m)');
    expect(windows[0]!.subtitle[0]).toMatch(/^crash prod\/etcd-1 for 2h\. From 30m before the fault/);
    // 04:26:40 to 05:07:00 with 15m either side, out to whole minutes.
    expect(windows[1]).toMatchObject({ start: 4 * HOUR + 11 * MINUTE, end: 5 * HOUR + 22 * MINUTE, title: 'Worst outage: staging/workloads down 40m 20s · 04:11 to 05:22 (±15m)' });
  });

  it('should say when no signal went down, and leave out a fault past the trace', () => {
    // Arrange: a crash of a worker at 05:00 for 10m (nothing else starts then), and one past the horizon.
    const faults: Fault[] = [
      { kind: 'crash', at: 5 * HOUR + 10 * MINUTE, target: 'prod/worker-1', duration: 10 * MINUTE },
      { kind: 'crash', at: 7 * HOUR, target: 'prod/worker-1', duration: 10 * MINUTE },
    ];

    // Act
    const windows = zoomWindows({ ...scenario, faults }, trace).filter((w) => w.id.startsWith('zoom-fault'));

    // Assert
    expect(windows.map((w) => w.title)).toEqual(['crash prod/worker-1 for 10m · 05:05 to 05:25 (±5m)']);
    expect(windows[0]!.subtitle[0]).toBe('From 5m before the fault to 5m after it ended (05:20:00); no signal went down meanwhile.');
  });

  it('should count a rolling upgrade as on until its last batch is back', () => {
    const upgrade: Fault = { kind: 'rollingUpgrade', at: 0, target: 'prod/controlPlane', each: 10 * MINUTE, surge: 2 };
    // prod has 3 control-plane nodes: two batches (2, then 1) of 10 minutes.
    expect(activeSeconds(upgrade, scenario)).toBe(20 * MINUTE);
    expect(activeSeconds(scenario.faults[0]!, scenario)).toBe(2 * HOUR);
  });

  it.each([
    [0, MINUTE], // the smallest margin
    [2 * HOUR, 30 * MINUTE], // a quarter exactly
    [15 * MINUTE, 5 * MINUTE], // 3m 45s rounds up to 5m
    [10 * DAY, 3 * DAY], // past a day: whole days
  ])('should give a span of %s s a margin of %s s', (span, margin) => {
    expect(marginFor(span)).toBe(margin);
  });
});
