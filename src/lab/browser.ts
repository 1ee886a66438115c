/** The quorum lab in the browser: wires the page's controls to the history, runs the model, renders. */
import { formatClock } from '../kernel/index.js';
import { browserGlobals, type LabElement } from './_internals/dom.js';
import { act, actionsTaken, applied, back, canGoBack, canGoForward, configOf, forward, jump, newHistory, reconfigure as reconfigured, type LabHistory } from './labHistory.js';
import { labRun, type LabRun } from './labRun.js';
import { LAB_DEFAULTS, LAB_HORIZON, labScenarioYaml, labSettings, type LabAction, type LabConfig } from './labScenario.js';
import { decodeLabState, encodeLabState, MAX_COMPARE, type LabState } from './labUrl.js';
import { compareHtml, type CompareColumn } from './compareHtml.js';
import { fitActions } from './labScenario.js';
import { actionText, configText, arithmeticHtml, boardHtml, historyHtml, logHtml, statusHtml, type Selection } from './render.js';
import { timelineSvg } from './timelineSvg.js';

/** Simulated seconds per tick of the play button, and real milliseconds between ticks (real time). */
const TICK_SECONDS = 0.1;
const TICK_MS = 100;
const RECENT_SECONDS = 20;

let history: LabHistory = newHistory(LAB_DEFAULTS);
let run: LabRun = labRun(configOf(history), []);
/** Other configurations driven by the same steps, shown side by side with this one. */
let compare: LabConfig[] = [];
let compareRuns: LabRun[] = [];
let selection: Selection = { datacenters: [], members: [] };
let zoom: 'all' | 'recent' = 'all';
let player: ReturnType<typeof setInterval> | undefined;
const { document, window } = browserGlobals();

function $(id: string): LabElement {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`quorum lab: the page has no #${id}`);
  return el;
}

function all(selector: string): LabElement[] {
  return Array.from(document.querySelectorAll(selector));
}

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

/** The whole state, as a link shares it. */
function labState(): LabState {
  return { history, compare, presenter: false, lesson: null };
}

/** Opens a state from a link's fragment (or the page's start state); a bad link is said, not thrown. */
function load(fragment: string): void {
  stopPlaying();
  selection = { datacenters: [], members: [] };
  const d = decodeLabState(fragment);
  $('notice').textContent = d.ok ? '' : `This link could not be opened (${d.problem}); the lab starts afresh.`;
  $('notice').hidden = d.ok;
  compare = d.ok ? [...d.state.compare] : [];
  update(d.ok ? d.state.history : newHistory(LAB_DEFAULTS));
}

/** Keeps the address bar on the current state (no new browser-history entry per step). */
function share(): void {
  const fragment = `#${encodeLabState(labState())}`;
  if (window.location.hash !== fragment) window.history.replaceState(null, '', fragment);
  $('link').value = window.location.href;
}

function render(): void {
  const c = run.state.clusters[0]!;
  const config = configOf(history);
  $('members').innerHTML = segment('members', 9, config.members);
  $('datacenters').innerHTML = segment('datacenters', 3, config.datacenters);
  $('prevote').checked = config.preVote;
  $('seed').value = String(config.seed);
  $('clock').textContent = formatClock(run.now);
  $('board').innerHTML = boardHtml(config, run, history, selection);
  $('arithmetic').innerHTML = arithmeticHtml(c);
  $('status').innerHTML = statusHtml(c);
  const width = Math.max(600, $('timeline').clientWidth || 1100);
  const to = Math.max(run.now, zoom === 'recent' ? RECENT_SECONDS : 10);
  const from = zoom === 'recent' ? Math.max(0, to - RECENT_SECONDS) : 0;
  $('timeline').innerHTML = timelineSvg(run.replayed, { from, to, width, marks: marks() });
  for (const b of all('[data-zoom]')) b.classList.toggle('on', b.dataset['zoom'] === zoom);
  renderCompare(width);
  const log = $('log');
  log.innerHTML = logHtml(run.narrated);
  log.querySelector('ol')?.scrollTo({ top: 1e9 });
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
  share();
}

/** The side-by-side card: hidden until a comparison is asked for. */
function renderCompare(width: number): void {
  const config = configOf(history);
  const presets = comparePresets(config).map(([label, c]) => `<button type="button" class="btn" data-compare="${escapeAttr(JSON.stringify(c))}">${label}</button>`);
  $('compare-add').innerHTML = compare.length < MAX_COMPARE ? `<span>Compare with:</span> ${presets.join(' ')}` : '';
  $('compare-stop').hidden = compare.length === 0;
  if (compare.length === 0) {
    $('compare').innerHTML = '';
    return;
  }
  const columns: CompareColumn[] = [
    { title: `This cluster: ${configText(config)}`, controls: '', replayed: run.replayed, cluster: 0, now: run.now },
    ...compare.map((c, k) => ({ title: configText(c), controls: compareControls(c, k), replayed: compareRuns[k]!.replayed, cluster: 0, now: run.now })),
  ];
  $('compare').innerHTML = compareHtml(columns, width);
}

/** Ready-made comparisons with the configuration in effect: one member more (or less), pre-vote flipped, one or three datacenters. */
function comparePresets(c: LabConfig): [string, LabConfig][] {
  const members = c.members < 9 ? c.members + 1 : c.members - 1;
  const dcs = c.datacenters === 1 ? 3 : 1;
  return [
    [`${members} members`, { ...c, members }],
    [`pre-vote ${c.preVote ? 'off' : 'on'}`, { ...c, preVote: !c.preVote }],
    [`${dcs} datacenter${dcs === 1 ? '' : 's'}`, { ...c, datacenters: dcs }],
  ];
}

function compareControls(c: LabConfig, k: number): string {
  const options = (max: number, v: number) => Array.from({ length: max }, (_x, i) => `<option${i + 1 === v ? ' selected' : ''}>${i + 1}</option>`).join('');
  return `<div class="column-controls"><label>members <select data-compare-members="${k}">${options(9, c.members)}</select></label> <label>datacenters <select data-compare-datacenters="${k}">${options(3, c.datacenters)}</select></label> <label><input type="checkbox" data-compare-prevote="${k}"${c.preVote ? ' checked' : ''}> pre-vote</label> <button type="button" class="btn small" data-compare-remove="${k}" aria-label="Remove this cluster from the comparison">✕</button></div>`;
}

function escapeAttr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function setCompare(next: LabConfig[]): void {
  compare = next.slice(0, MAX_COMPARE);
  update(history);
}

function segment(name: string, max: number, current: number): string {
  let html = '';
  for (let k = 1; k <= max; k++) html += `<button type="button" data-${name}="${k}" class="${k === current ? 'on' : ''}" aria-pressed="${k === current}">${k}</button>`;
  return html;
}

/** The times of the student's steps other than waiting, for the timeline's marks. */
function marks(): { t: number; label: string }[] {
  const out: { t: number; label: string }[] = [];
  let t = 0;
  for (const a of applied(history)) {
    if (a.kind === 'advance') t = Math.min(LAB_HORIZON, Math.round((t + a.seconds) * 1000) / 1000);
    else out.push({ t, label: `${formatClock(t)} ${actionText(a)}` });
  }
  return out;
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

document.addEventListener('click', (ev) => {
  const el = ev.target?.closest('button');
  if (!el) return;
  const d = el.dataset;
  if (d['member'] !== undefined) toggleMember(Number(d['member']));
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
  else if (el.id === 'copy') copyLink();
  else if (d['compare'] !== undefined) setCompare([...compare, JSON.parse(d['compare']) as LabConfig]);
  else if (d['compareRemove'] !== undefined) setCompare(compare.filter((_c, k) => k !== Number(d['compareRemove'])));
  else if (el.id === 'compare-stop') setCompare([]);
});

/** The pickers of a compared cluster. */
document.addEventListener('change', (ev) => {
  const d = ev.target?.dataset ?? {};
  const edit = (key: string | undefined, change: (c: LabConfig) => LabConfig) => {
    if (key === undefined) return false;
    setCompare(compare.map((c, k) => (k === Number(key) ? change(c) : c)));
    return true;
  };
  const value = Number(ev.target?.value);
  edit(d['compareMembers'], (c) => ({ ...c, members: value })) ||
    edit(d['compareDatacenters'], (c) => ({ ...c, datacenters: value })) ||
    edit(d['comparePrevote'], (c) => ({ ...c, preVote: ev.target?.checked === true }));
});

$('prevote').addEventListener('change', () => reconfigure({ preVote: $('prevote').checked === true }));
$('seed').addEventListener('change', () => {
  const seed = Math.floor(Number($('seed').value));
  if (Number.isSafeInteger(seed) && seed >= 0) reconfigure({ seed });
  else render();
});

document.addEventListener('keydown', (ev) => {
  if (ev.target?.tagName === 'INPUT' || ev.metaKey || ev.ctrlKey || ev.altKey) return;
  if (/^[1-9]$/.test(ev.key)) toggleMember(Number(ev.key));
  else if (ev.key === 'ArrowLeft') update(back(history));
  else if (ev.key === 'ArrowRight') update(forward(history));
  else if (ev.key === ' ') togglePlaying();
  else return;
  ev.preventDefault();
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
