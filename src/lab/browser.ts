/** The quorum lab in the browser: wires the page's controls and keys to the history or the lesson, runs the model, renders. */
import { formatClock } from '../kernel/index.js';
import { browserGlobals, type LabElement } from './_internals/dom.js';
import { compareControls, presetButtons } from './compareControls.js';
import { compareHtml, type CompareColumn } from './compareHtml.js';
import { act, actionsTaken, applied, back, canGoBack, canGoForward, configOf, forward, jump, newHistory, reconfigure as reconfigured, type LabHistory } from './labHistory.js';
import { labRun, type LabRun } from './labRun.js';
import { fitActions, LAB_DEFAULTS, LAB_HORIZON, labScenarioYaml, labSettings, type LabAction, type LabConfig } from './labScenario.js';
import { decodeLabState, encodeLabState, MAX_COMPARE, type LabState, type LessonProgress } from './labUrl.js';
import { keyCommand } from './labKeys.js';
import { lessonPickerHtml } from './lessonHtml.js';
import { lessonMoment, prepareLesson, type LabLesson, type PreparedLesson } from './lessonRun.js';
import { arithmeticHtml, boardHtml, configText, historyHtml, historyMarks, segmentHtml, statusHtml, type Selection } from './render.js';
import { renderLessonPage } from './lessonPage.js';
import { showLog, timelineWindow, type PageDom } from './_internals/pageParts.js';
import { timelineSvg } from './timelineSvg.js';

/** Simulated seconds per tick of the play button, and real milliseconds between ticks (real time). */
const TICK_SECONDS = 0.1;
const TICK_MS = 100;

const { document, window } = browserGlobals();
/** The lessons the page carries (`kubesim lab` puts scenarios/lessons/ and any --scenario in it). */
const lessons: readonly LabLesson[] = JSON.parse(document.getElementById('kubesim-lessons')?.textContent ?? '[]') as LabLesson[];

let history: LabHistory = newHistory(LAB_DEFAULTS);
let run: LabRun = labRun(configOf(history), []);
/** Other configurations driven by the same steps, shown side by side with this one. */
let compare: LabConfig[] = [];
let compareRuns: LabRun[] = [];
/** The lesson being followed, or null in free play. */
let lesson: { prepared: PreparedLesson; progress: LessonProgress } | null = null;
let presenter = false;
let selection: Selection = { datacenters: [], members: [] };
let zoom: 'all' | 'recent' = 'all';
let player: ReturnType<typeof setInterval> | undefined;

function $(id: string): LabElement {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`quorum lab: the page has no #${id}`);
  return el;
}

function all(selector: string): LabElement[] {
  return Array.from(document.querySelectorAll(selector));
}

const dom: PageDom = { $, all, body: document.body };

function update(next: LabHistory): void {
  history = next;
  run = labRun(configOf(history), applied(history));
  compareRuns = compare.map((c) => labRun(c, fitActions(c, actionsTaken(history))));
  if (run.now >= LAB_HORIZON) stopPlaying();
  render();
}

function doAction(action: LabAction, merge = false): void {
  update(act(history, action, merge));
}

/** A change of configuration is a step: the same actions run again with it, and Back undoes it. */
function reconfigure(change: Partial<LabConfig>): void {
  stopPlaying();
  selection = { datacenters: [], members: [] };
  update(reconfigured(history, change));
}

/** Start over: a fresh history with the configuration in effect. */
function startOver(): void {
  stopPlaying();
  selection = { datacenters: [], members: [] };
  update(newHistory(configOf(history)));
}

function setCompare(next: LabConfig[]): void {
  compare = next.slice(0, MAX_COMPARE);
  update(history);
}

/** The whole state, as a link shares it. */
function labState(): LabState {
  return { history, compare, presenter, lesson: lesson?.progress ?? null };
}

function say(problem: string | null): void {
  $('notice').textContent = problem ?? '';
  $('notice').hidden = problem === null;
}

/** Opens a state from a link's fragment (or the page's start state); a bad link is said, not thrown. */
function load(fragment: string): void {
  stopPlaying();
  selection = { datacenters: [], members: [] };
  const d = decodeLabState(fragment);
  say(d.ok ? null : `This link could not be opened (${d.problem}); the lab starts afresh.`);
  const st = d.ok ? d.state : null;
  compare = st === null ? [] : [...st.compare];
  presenter = st?.presenter ?? false;
  lesson = null;
  if (st?.lesson) {
    const found = lessons.find((l) => l.id === st.lesson!.id);
    if (found === undefined) say(`This page has no lesson '${st.lesson.id}'; pick one above.`);
    else lesson = { prepared: prepareLesson(found), progress: { ...st.lesson, step: Math.min(st.lesson.step, found.scenario.lesson.steps.length) } };
  }
  update(st?.history ?? newHistory(LAB_DEFAULTS));
}

/** Keeps the address bar on the current state (no new browser-history entry per step). */
function share(): void {
  const fragment = `#${encodeLabState(labState())}`;
  if (window.location.hash !== fragment) window.history.replaceState(null, '', fragment);
  $('link').value = window.location.href;
}

function render(): void {
  document.body.classList.toggle('presenter', presenter);
  document.body.classList.toggle('lesson-mode', lesson !== null);
  $('presenter').setAttribute('aria-pressed', String(presenter));
  $('lesson-pick').innerHTML = lessonPickerHtml(lessons, lesson?.prepared.lab.id ?? null);
  if (lesson === null) renderFree();
  else renderLessonPage(dom, lesson.prepared, lesson.progress, zoom);
  share();
}

function renderFree(): void {
  const c = run.state.clusters[0]!;
  const config = configOf(history);
  $('lesson').innerHTML = '';
  $('members').innerHTML = segmentHtml('members', 9, config.members);
  $('datacenters').innerHTML = segmentHtml('datacenters', 3, config.datacenters);
  $('prevote').checked = config.preVote;
  $('seed').value = String(config.seed);
  $('clock').textContent = formatClock(run.now);
  $('board').innerHTML = boardHtml(config, run, history, selection);
  $('arithmetic').innerHTML = arithmeticHtml(c);
  $('status').innerHTML = statusHtml(c);
  const w = timelineWindow(dom, run.now, zoom);
  $('timeline').innerHTML = timelineSvg(run.replayed, { ...w, marks: historyMarks(applied(history)) });
  $('compare-add').innerHTML = compare.length < MAX_COMPARE ? `<span>Compare with:</span> ${presetButtons(config)}` : '';
  $('compare-stop').hidden = compare.length === 0;
  $('side-by-side').classList.toggle('comparing', compare.length > 0);
  const columns: CompareColumn[] = [
    { title: `This cluster: ${configText(config)}`, controls: '', replayed: run.replayed, cluster: 0, now: run.now },
    ...compare.map((cc, k) => ({ title: configText(cc), controls: compareControls(cc, k), replayed: compareRuns[k]!.replayed, cluster: 0, now: run.now })),
  ];
  $('compare').innerHTML = compare.length === 0 ? '' : compareHtml(columns, w.width);
  showLog(dom, run.narrated);
  const hist = $('history');
  hist.innerHTML = historyHtml(history);
  // Scroll the list itself (never the page) to the newest step when the cursor is there.
  if (history.cursor === history.actions.length) hist.querySelector('ol')?.scrollTo({ top: 1e9 });
  $('back').disabled = !canGoBack(history);
  $('forward').disabled = !canGoForward(history);
  for (const b of all('[data-advance]')) b.disabled = run.now >= LAB_HORIZON;
  $('play').innerHTML = player === undefined ? '&#9654; Play' : '&#10074;&#10074; Pause';
  const yaml = labScenarioYaml(config, applied(history));
  $('yaml').textContent = yaml;
  $('download').href = `data:text/yaml;charset=utf-8,${encodeURIComponent(yaml)}`;
  document.body.dataset['now'] = String(run.now);
}

function toggleMember(i: number): void {
  if (i < 1 || i > configOf(history).members) return;
  const crashed = labSettings(applied(history)).crashed.has(i);
  doAction({ kind: crashed ? 'recover' : 'crash', member: i });
}

function togglePlaying(): void {
  if (player !== undefined) {
    stopPlaying();
    render();
    return;
  }
  player = setInterval(() => doAction({ kind: 'advance', seconds: TICK_SECONDS }, true), TICK_MS);
  render();
}

function stopPlaying(): void {
  if (player !== undefined) clearInterval(player);
  player = undefined;
}

function toggle<T>(list: readonly T[], v: T): T[] {
  return list.includes(v) ? list.filter((x) => x !== v) : [...list, v];
}

// --- Lessons -------------------------------------------------------------------------------

function openLesson(id: string): void {
  stopPlaying();
  const found = lessons.find((l) => l.id === id);
  lesson = found === undefined ? null : { prepared: prepareLesson(found), progress: { id, step: 0, answers: [] } };
  say(null);
  render();
  focusLesson();
}

function setProgress(progress: LessonProgress): void {
  if (lesson === null) return;
  lesson = { ...lesson, progress };
  render();
  focusLesson();
}

/** Keyboard users land on the lesson's next control (the first choice, Next, or Try again). */
function focusLesson(): void {
  document.querySelector('#lesson .choice, #lesson #next, #lesson #lesson-again')?.focus();
}

/** Records the student's prediction (null: revealed without one), which reveals the answer. */
function predict(choice: number | null): void {
  if (lesson === null) return;
  const p = lesson.progress;
  const m = lessonMoment(lesson.prepared, p);
  if (m.phase !== 'question') return;
  if (choice !== null && (choice < 0 || choice >= lesson.prepared.answers[p.step]!.choices.length)) return;
  const answers = [...p.answers.slice(0, p.step)];
  while (answers.length < p.step) answers.push(null);
  setProgress({ ...p, answers: [...answers, choice] });
}

function lessonStep(delta: number): void {
  if (lesson === null) return;
  const p = lesson.progress;
  const phase = lessonMoment(lesson.prepared, p).phase;
  if (delta > 0 && phase !== 'answer') return;
  const step = Math.max(0, Math.min(lesson.prepared.lesson.steps.length, p.step + delta));
  setProgress({ ...p, step });
}

// --- Events --------------------------------------------------------------------------------

document.addEventListener('click', (ev) => {
  const el = ev.target?.closest('button');
  if (!el) return;
  const d = el.dataset;
  if (el.id === 'presenter') togglePresenter();
  else if (el.id === 'help-open' || el.id === 'help-close') toggleHelp();
  else if (el.id === 'copy') copyLink();
  else if (lesson !== null) lessonClick(el);
  else if (d['member'] !== undefined) toggleMember(Number(d['member']));
  else if (d['advance'] !== undefined) doAction({ kind: 'advance', seconds: Number(d['advance']) });
  else if (d['jump'] !== undefined) update(jump(history, Number(d['jump'])));
  else if (d['members'] !== undefined) reconfigure({ members: Number(d['members']) });
  else if (d['datacenters'] !== undefined) reconfigure({ datacenters: Number(d['datacenters']) });
  else if (d['selectDc'] !== undefined) {
    selection = { ...selection, datacenters: toggle(selection.datacenters, d['selectDc']) };
    render();
  } else if (d['selectMember'] !== undefined) {
    selection = { ...selection, members: toggle(selection.members, Number(d['selectMember'])) };
    render();
  } else if (d['zoom'] !== undefined) {
    zoom = d['zoom'] === 'recent' ? 'recent' : 'all';
    render();
  } else if (el.id === 'cut') {
    const cut = selection;
    selection = { datacenters: [], members: [] };
    doAction({ kind: 'partition', datacenters: cut.datacenters, members: cut.members });
  } else if (el.id === 'heal') doAction({ kind: 'heal' });
  else if (el.id === 'play') togglePlaying();
  else if (el.id === 'back') update(back(history));
  else if (el.id === 'forward') update(forward(history));
  else if (el.id === 'reset') startOver();
  else if (d['compare'] !== undefined) setCompare([...compare, JSON.parse(d['compare']) as LabConfig]);
  else if (d['compareRemove'] !== undefined) setCompare(compare.filter((_c, k) => k !== Number(d['compareRemove'])));
  else if (el.id === 'compare-stop') setCompare([]);
});

function lessonClick(el: LabElement): void {
  const d = el.dataset;
  if (d['choice'] !== undefined) predict(Number(d['choice']));
  else if (el.id === 'reveal') predict(null);
  else if (el.id === 'next' || el.id === 'forward') lessonStep(1);
  else if (el.id === 'back') lessonStep(-1);
  else if (el.id === 'lesson-again') setProgress({ id: lesson!.progress.id, step: 0, answers: [] });
  else if (el.id === 'lesson-free') {
    lesson = null;
    render();
  } else if (d['zoom'] !== undefined) {
    zoom = d['zoom'] === 'recent' ? 'recent' : 'all';
    render();
  }
}

document.addEventListener('change', (ev) => {
  const target = ev.target;
  if (target === null) return;
  if (target.id === 'lesson-pick') {
    if (target.value === '') {
      lesson = null;
      render();
    } else openLesson(target.value ?? '');
    return;
  }
  // The pickers of a compared cluster.
  const d = target.dataset;
  const edit = (key: string | undefined, change: (c: LabConfig) => LabConfig) => {
    if (key === undefined) return false;
    setCompare(compare.map((c, k) => (k === Number(key) ? change(c) : c)));
    return true;
  };
  const value = Number(target.value);
  edit(d['compareMembers'], (c) => ({ ...c, members: value })) ||
    edit(d['compareDatacenters'], (c) => ({ ...c, datacenters: value })) ||
    edit(d['comparePrevote'], (c) => ({ ...c, preVote: target.checked === true }));
});

$('prevote').addEventListener('change', () => reconfigure({ preVote: $('prevote').checked === true }));
$('seed').addEventListener('change', () => {
  const seed = Math.floor(Number($('seed').value));
  if (Number.isSafeInteger(seed) && seed >= 0) reconfigure({ seed });
  else render();
});

function togglePresenter(): void {
  presenter = !presenter;
  render();
}

function toggleHelp(): void {
  const help = $('help');
  help.hidden = !help.hidden;
  if (!help.hidden) $('help-close').focus();
}

/** The keys (labKeys.ts; the page's "Keys" panel and docs/teaching.md list them). */
document.addEventListener('keydown', (ev) => {
  if (ev.metaKey || ev.ctrlKey || ev.altKey) return;
  const command = keyCommand(ev.key, { inLesson: lesson !== null, helpOpen: !$('help').hidden, focus: ev.target?.tagName ?? '' });
  if (command === null) return;
  ev.preventDefault();
  switch (command.kind) {
    case 'presenter':
      return togglePresenter();
    case 'help':
    case 'closeHelp':
      return toggleHelp();
    case 'pickLesson':
      return $('lesson-pick').focus();
    case 'predict':
      return predict(command.choice);
    case 'back':
      return lesson !== null ? lessonStep(-1) : update(back(history));
    case 'forward':
      return lesson !== null ? lessonStep(1) : update(forward(history));
    case 'member':
      return toggleMember(command.member);
    case 'play':
      return togglePlaying();
    case 'wait':
      return doAction({ kind: 'advance', seconds: command.seconds });
    case 'heal':
      if (labSettings(applied(history)).partition !== null) doAction({ kind: 'heal' });
      return;
  }
});

/** Copies the link; where the clipboard is not allowed (file:// pages in some browsers) the link is selected for Ctrl-C. */
function copyLink(): void {
  const link = $('link');
  link.focus();
  link.select?.();
  const clipboard = (globalThis as { navigator?: { clipboard?: { writeText(t: string): Promise<void> } } }).navigator?.clipboard;
  const said = (text: string) => ($('copied').textContent = text);
  if (clipboard === undefined) said('selected: press Ctrl-C');
  else clipboard.writeText(link.value ?? '').then(() => said('copied'), () => said('selected: press Ctrl-C'));
}

window.addEventListener('resize', () => render());
window.addEventListener('hashchange', () => {
  if (window.location.hash !== `#${encodeLabState(labState())}`) load(window.location.hash);
});
const start = window.location.hash !== '' ? window.location.hash : (document.querySelector('meta[name="kubesim-lab-start"]')?.getAttribute('content') ?? '');
if (start !== '') load(start);
else render();
document.body.dataset['ready'] = 'true';
