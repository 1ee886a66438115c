/** Pieces of the lab page that free play and lessons draw alike: the timeline's window and the narration list. */
import type { NarratedStep } from '../../report/narrate/narrate.js';
import { logHtml } from '../render.js';
import type { LabElement } from './dom.js';

/** The page's elements, by id and by selector. */
export interface PageDom {
  readonly $: (id: string) => LabElement;
  readonly all: (selector: string) => LabElement[];
  readonly body: LabElement;
}

/** The zoom "last 20 s" shows this many seconds. */
const RECENT_SECONDS = 20;

/** The timeline's window at `now` (the whole run, or its last 20 s, the axis at least 10 s or 20 s long), and the zoom buttons set to match. */
export function timelineWindow(dom: PageDom, now: number, zoom: 'all' | 'recent'): { from: number; to: number; now: number; width: number } {
  const width = Math.max(600, dom.$('timeline').clientWidth || 1100);
  const to = Math.max(now, zoom === 'recent' ? RECENT_SECONDS : 10);
  for (const b of dom.all('[data-zoom]')) b.classList.toggle('on', b.dataset['zoom'] === zoom);
  return { from: zoom === 'recent' ? Math.max(0, to - RECENT_SECONDS) : 0, to, now, width };
}

/** The narration, scrolled (the list itself, never the page) to its newest line. */
export function showLog(dom: PageDom, narrated: readonly NarratedStep[]): void {
  const log = dom.$('log');
  log.innerHTML = logHtml(narrated);
  log.querySelector('ol')?.scrollTo({ top: 1e9 });
}
