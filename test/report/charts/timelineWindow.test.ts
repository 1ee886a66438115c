/** The timeline chart over the whole horizon (short spans merged) and over a window (the zoom panels). */
import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE, YEAR } from '../../../src/kernel/index.js';
import type { Trace, TraceEvent } from '../../../src/model/Trace.js';
import fc from 'fast-check';
import { timelineSpec, wrapLines } from '../../../src/report/charts/timelineSpec.js';
import { renderSvg } from '../../../src/report/renderSvg.js';
import { timelineView } from '../../../src/report/timelineView.js';
import { trace } from '../fixtures.js';
import { allTexts, axisTitles, countItems, titleTexts } from '../svg.js';

/** A year in which one worker fails for 30 minutes every 2 hours for its first 10 days, then once more in June. */
function busyYear(): Trace {
  const events: TraceEvent[] = [];
  const fail = (t: number) => {
    events.push({ t, kind: 'component', name: 'c/worker-1', up: false, cause: 'worker failure: c/worker-1 fails' });
    events.push({ t: t + 30 * MINUTE, kind: 'component', name: 'c/worker-1', up: true, cause: 'repaired' });
  };
  for (let t = HOUR; t < 10 * 24 * HOUR; t += 2 * HOUR) fail(t);
  fail(YEAR / 2);
  return { horizon: YEAR, events, components: ['c/worker-1'], signals: ['c/apiWrite'] };
}

describe('the timeline over the horizon and over a window', () => {
  it('should merge a row\u2019s spans shorter than one pixel\u2019s time that lie closer than that, and say so', async () => {
    // Arrange: at 660 px, a pixel of a year is 13h 16m; the failures 90 minutes apart form one run.
    const year = busyYear();

    // Act
    const view = timelineView(year, 660);
    const svg = await renderSvg(timelineSpec(year));

    // Assert
    expect(view.mergedBelow).toBeCloseTo(YEAR / 660, 6);
    expect(view.data.down.map((d) => d.detail.split(':')[0])).toEqual(['120 spans shorter than 13h 16m merged', 'worker failure']);
    expect(titleTexts(svg).join(' ')).toContain('Spans shorter than 13h 16m (one pixel here) that lie less than that apart in a row are merged into one bar');
    expect(countItems(svg, 'rect')).toBe(2 + 1 + 1); // two down bars, ticks for the thin one; one up bar for apiWrite
  });

  it('should draw a window on a day-and-clock axis, with only what overlaps it, cut at its edges', async () => {
    // Arrange: 02:55 to 03:20 around the fixture's partition.
    const window = { start: 2 * HOUR + 55 * MINUTE, end: 3 * HOUR + 20 * MINUTE };

    // Act
    const view = timelineView(trace, 660, window);
    const svg = await renderSvg(timelineSpec(trace, { title: 'Zoomed', subtitle: ['around the partition'], window }));

    // Assert
    expect(view.mergedBelow).toBeUndefined();
    expect(view.data.componentLanes).toEqual(['prod/worker-3', 'network partition']);
    expect(view.data.down.every((d) => d.start >= window.start && d.end <= window.end)).toBe(true);
    expect(view.data.faults.map((f) => f.text)).toEqual(['partition [dc-a] | [dc-b, dc-c] for 15m']);
    expect(axisTitles(svg)).toContain('Simulated time (day and clock)');
    expect(allTexts(svg)).toEqual(expect.arrayContaining(['0d 03:00', '0d 03:15']));
    expect(titleTexts(svg).slice(-2)).toEqual(['Zoomed', 'around the partition']);
    expect(countItems(svg, 'rule')).toBe(3); // the partition's line in each strip
  });

  it('should keep a colour for every scripted fault\u2019s kind and fold the rarest random ones into "other" past eight kinds', () => {
    // Arrange: seven kinds of random failure, the rarer the later, and a scripted crash and a
    // partition that happen once each: eleven kinds, more than the eight colours.
    const events: TraceEvent[] = [];
    const randomKinds = ['worker failure', 'controlPlane failure', 'etcd process failure', 'loadBalancer failure', 'datacenter outage', 'failure domain outage', 'disk failure'];
    randomKinds.forEach((kind, k) => {
      for (let n = 0; n < 20 - 2 * k; n++) {
        const t = (k * 100 + n) * HOUR;
        events.push({ t, kind: 'component', name: `c/x-${k}`, up: false, cause: `${kind}: c/x-${k} fails` });
        events.push({ t: t + MINUTE, kind: 'component', name: `c/x-${k}`, up: true, cause: 'repaired' });
      }
    });
    events.push({ t: 900 * HOUR, kind: 'component', name: 'c/etcd-1', up: false, cause: 'scripted crash of c/etcd-1' });
    events.push({ t: 902 * HOUR, kind: 'component', name: 'c/etcd-1', up: true, cause: 'c/etcd-1 restarts' });
    events.push({ t: 950 * HOUR, kind: 'partition', active: true, groups: [['dc-a'], ['dc-b']] });
    events.push({ t: 951 * HOUR, kind: 'partition', active: false, groups: [['dc-a'], ['dc-b']] });
    events.sort((a, b) => a.t - b.t);
    const t: Trace = { horizon: YEAR, events, components: [...randomKinds.map((_, k) => `c/x-${k}`), 'c/etcd-1'], signals: ['c/apiWrite'] };

    // Act
    const view = timelineView(t, 660, { start: 899 * HOUR, end: 960 * HOUR });

    // Assert: both scripted kinds kept, with the five commonest random ones; the two rarest share "other".
    expect(view.causes).toContain('scripted crash');
    expect(view.causes).toContain('partition');
    expect(view.causes).toContain('other');
    expect(view.causes).toHaveLength(8);
    expect(view.causes).not.toContain('failure domain outage');
    expect(view.causes).not.toContain('disk failure');
    expect(view.data.down.map((d) => d.state).sort()).toEqual(['partition', 'scripted crash']);
  });
});

describe('wrapLines', () => {
  it('should break lines at spaces into lines no longer than the width, keeping every word in order', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.stringMatching(/^[a-z0-9.()]{1,12}$/), { minLength: 1, maxLength: 40 }), { maxLength: 5 }), fc.integer({ min: 12, max: 140 }), (lines, width) => {
        const text = lines.map((words) => words.join(' '));
        const wrapped = wrapLines(text, width);
        for (const l of wrapped) expect(l.length).toBeLessThanOrEqual(width);
        expect(wrapped.join(' ').split(' ')).toEqual(text.join(' ').split(' '));
        expect(wrapped.length).toBeGreaterThanOrEqual(text.length);
      }),
    );
  });

  it('should leave a short line alone and keep a word longer than the width whole', () => {
    expect(wrapLines(['short line'], 130)).toEqual(['short line']);
    expect(wrapLines(['a verylongword b'], 5)).toEqual(['a', 'verylongword', 'b']);
  });
});
