/** Draws the lab page for a lesson at the student's progress: panel, board, arithmetic, signals, timeline, clusters side by side. */
import { formatClock } from '../kernel/index.js';
import { showLog, timelineWindow, type PageDom } from './_internals/pageParts.js';
import { compareHtml, type CompareColumn } from './compareHtml.js';
import type { LessonProgress } from './labUrl.js';
import { lessonPanelHtml, sceneBoardHtml } from './lessonHtml.js';
import { lessonMoment, type PreparedLesson } from './lessonRun.js';
import { arithmeticHtml, statusHtml } from './render.js';
import { timelineSvg } from './timelineSvg.js';

/** The board, arithmetic and signals show the cluster the step asks about; every cluster with etcd goes side by side. */
export function renderLessonPage(dom: PageDom, p: PreparedLesson, progress: LessonProgress, zoom: 'all' | 'recent'): void {
  const { $ } = dom;
  const m = lessonMoment(p, progress);
  const steps = p.lesson.steps;
  const step = steps[Math.min(progress.step, steps.length - 1)]!;
  const k = Math.max(0, m.state.clusters.findIndex((c) => c.name === step.cluster));
  const c = m.state.clusters[k]!;
  $('lesson').innerHTML = lessonPanelHtml(p, progress, m);
  $('clock').textContent = formatClock(m.now);
  $('board').innerHTML = sceneBoardHtml(c, m.state);
  $('arithmetic').innerHTML = arithmeticHtml(c);
  $('status').innerHTML = statusHtml(c);
  const w = timelineWindow(dom, m.now, zoom);
  const marks = steps.filter((s) => s.at <= m.now).map((s) => ({ t: s.at, label: `${formatClock(s.at)} ${s.situation}` }));
  $('timeline').innerHTML = timelineSvg(m.replayed, { ...w, marks, cluster: k });
  const etcd = m.state.clusters.map((cl, i) => ({ cl, i })).filter(({ cl }) => cl.members.length > 0);
  const columns: CompareColumn[] = etcd.map(({ cl, i }) => ({ title: cl.name, controls: '', replayed: m.replayed, cluster: i, now: m.now }));
  $('compare').innerHTML = etcd.length > 1 ? compareHtml(columns, w.width) : '';
  dom.body.classList.toggle('lesson-compare', etcd.length > 1);
  $('side-by-side').classList.toggle('comparing', etcd.length > 1);
  showLog(dom, m.narrated);
  $('back').disabled = progress.step === 0 && m.phase === 'question';
  $('forward').disabled = m.phase !== 'answer';
  dom.body.dataset['now'] = String(m.now);
}
