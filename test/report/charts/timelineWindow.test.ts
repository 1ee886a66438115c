/** The timeline chart over the whole horizon (short spans merged) and over a window (the zoom panels). */
import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE, YEAR } from '../../../src/kernel/index.js';
import type { Trace, TraceEvent } from '../../../src/model/Trace.js';
import { timelineSpec } from '../../../src/report/charts/timelineSpec.js';
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
});
