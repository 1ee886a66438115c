/** A lesson's panel in the lab (the step, the question, the revealed answer, the score) and its read-only board. */
import { formatClock } from '../kernel/index.js';
import type { ClusterSnapshot, Snapshot } from '../report/narrate/TraceReplay.js';
import { escapeHtml } from '../report/escape.js';
import type { LessonProgress } from './labUrl.js';
import { lessonScore, type LabLesson, type LessonMoment, type PreparedLesson } from './lessonRun.js';
import { memberTile } from './render.js';

/** The header's lesson picker: free play, then the lessons the page carries. */
export function lessonPickerHtml(lessons: readonly LabLesson[], current: string | null): string {
  const option = (value: string, label: string) => `<option value="${escapeHtml(value)}"${value === (current ?? '') ? ' selected' : ''}>${escapeHtml(label)}</option>`;
  const title = (l: LabLesson) => (l.number > 0 ? `Lesson ${l.number}: ${l.scenario.lesson.title}` : l.scenario.lesson.title);
  return [option('', 'Free play: build your own'), ...lessons.map((l) => option(l.id, title(l)))].join('');
}

/** The lesson's panel: the step and its question with numbered choices, then the simulated answer, the verdict and the explanation; at the end the score. */
export function lessonPanelHtml(p: PreparedLesson, progress: LessonProgress, m: LessonMoment): string {
  const steps = p.lesson.steps;
  const head = `<p class="kicker">${p.lab.number > 0 ? `Lesson ${p.lab.number}` : 'Scenario'} · ${escapeHtml(p.lesson.title)}</p>`;
  const dots = steps
    .map((_s, i) => {
      const a = progress.answers[i];
      const mark = a === undefined ? '' : a === null ? ' seen' : a === p.answers[i]!.answer ? ' right' : ' wrong';
      return `<span class="pip${mark}${i === progress.step ? ' here' : ''}" aria-hidden="true"></span>`;
    })
    .join('');
  if (m.phase === 'score') return `<div class="lesson" data-phase="score">${head}${scoreHtml(p, progress)}</div>`;
  const i = progress.step;
  const step = steps[i]!;
  const answer = p.answers[i]!;
  const intro = i === 0 && p.lesson.intro !== '' ? `<p class="intro">${escapeHtml(p.lesson.intro)}</p>` : '';
  const counter = `<p class="counter">Step ${i + 1} of ${steps.length} <span class="pips">${dots}</span></p>`;
  const situation = `<p class="situation"><time>${formatClock(step.at)}</time> ${escapeHtml(step.situation)}</p>`;
  const question = `<p class="question" id="question">${escapeHtml(answer.question)}</p>`;
  if (m.phase === 'question') {
    const choices = answer.choices
      .map((c, k) => `<button type="button" class="choice" data-choice="${k}"><kbd>${k + 1}</kbd> ${escapeHtml(c)}</button>`)
      .join('');
    return `<div class="lesson" data-phase="question">${head}${counter}${intro}${situation}${question}<div class="choices" role="group" aria-labelledby="question">${choices}</div><p class="hint">Predict first: press a number or click a choice. <button type="button" class="link" id="reveal">Show me without guessing</button></p></div>`;
  }
  const given = progress.answers[i] ?? null;
  const verdict =
    given === null
      ? '<p class="verdict seen">You did not predict this one.</p>'
      : given === answer.answer
        ? `<p class="verdict right">✓ Right: you predicted “${escapeHtml(answer.choices[given]!)}”.</p>`
        : `<p class="verdict wrong">✗ Not quite: you predicted “${escapeHtml(answer.choices[given]!)}”.</p>`;
  const last = i === steps.length - 1;
  return `<div class="lesson" data-phase="answer">${head}${counter}${situation}${question}<p class="answer">The simulation says: <b data-answer="${answer.answer}">${escapeHtml(answer.choices[answer.answer]!)}</b> <span class="because">(at ${formatClock(m.now)}: ${escapeHtml(answer.because)})</span></p>${verdict}<p class="explain">${escapeHtml(step.explain)}</p><p><button type="button" class="btn primary" id="next">${last ? 'See your score' : 'Next step'} &rarr;</button></p></div>`;
}

function scoreHtml(p: PreparedLesson, progress: LessonProgress): string {
  const s = lessonScore(p, progress);
  const rows = p.lesson.steps
    .map((step, i) => {
      const a = progress.answers[i] ?? null;
      const right = p.answers[i]!.answer;
      const mark = a === null ? '–' : a === right ? '✓' : '✗';
      return `<li><span class="mark">${mark}</span> <time>${formatClock(step.at)}</time> ${escapeHtml(step.situation)} <b>${escapeHtml(p.answers[i]!.choices[right]!)}</b></li>`;
    })
    .join('');
  return `<p class="score" id="score" data-right="${s.right}" data-steps="${s.steps}">You predicted <b>${s.right} of ${s.steps}</b> right${s.predicted < s.steps ? ` (${s.steps - s.predicted} not predicted)` : ''}.</p><ol class="recap">${rows}</ol><p><button type="button" class="btn primary" id="lesson-again">Try it again</button> <button type="button" class="btn" id="lesson-free">Free play</button></p>`;
}

/** A cluster's members by datacenter, read-only (a lesson's faults are scripted, not clicked). */
export function sceneBoardHtml(c: ClusterSnapshot, s: Snapshot): string {
  const dcs = [...new Set(c.members.map((m) => m.datacenter))];
  const columns = dcs.map((dc) => {
    const dark = s.darkDatacenters.includes(dc);
    const tiles = c.members
      .map((m, k) => ({ m, i: k + 1 }))
      .filter(({ m }) => m.datacenter === dc)
      .map(({ m, i }) => memberTile(c, m.name, i, false, false))
      .join('');
    return `<section class="dc${dark ? ' cut' : ''}" data-dc="${escapeHtml(dc)}"><h3>${escapeHtml(dc)}${dark ? ' <span class="tag">dark</span>' : ''}</h3><div class="tiles">${tiles}</div></section>`;
  });
  const cut = s.partitions.length > 0 ? `<div class="partition active"><span>✂ Network cut: ${s.partitions.map((groups) => groups.map((g) => `[${g.map(escapeHtml).join(', ')}]`).join(' | ')).join('; ')}</span></div>` : '';
  return `<p class="cluster-name">${escapeHtml(c.name)}</p><div class="dcs">${columns.join('')}</div>${cut}`;
}
