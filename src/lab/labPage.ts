/** The quorum lab's page: a self-contained HTML file around the bundled browser script (no CDN, works from file://). */
import { escapeHtml, jsonForScript } from '../report/escape.js';
import { KEYS } from './labKeys.js';
import { LESSON_CSS, PRESENTER_CSS } from './labPageStyles.js';
import type { LabLesson } from './lessonRun.js';
import { LAB_COLORS } from './timelineSvg.js';

const CSS = `
:root { --ink: #202124; --muted: #5f6368; --line: #e3e5e8; --bg: #f6f7f9; --card: #fff; --accent: #3b6ea5;
  --up: ${LAB_COLORS.up}; --down: ${LAB_COLORS.down}; --cut: ${LAB_COLORS.cut}; --lead: #c9a227;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink);
  background: var(--bg); line-height: 1.4; font-size: 16px; }
* { box-sizing: border-box; }
body { margin: 0; }
button { font: inherit; cursor: pointer; }
button:disabled { cursor: default; opacity: .45; }
header.top { background: #1f3a5f; color: #fff; }
header.top .inner { max-width: 1240px; margin: 0 auto; padding: 18px 24px 16px; display: flex; flex-wrap: wrap; gap: 12px 32px; align-items: flex-end; justify-content: space-between; }
header.top .kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 12px; opacity: .75; margin: 0; }
header.top h1 { margin: 0 0 4px; font-size: 28px; font-weight: 650; }
header.top p.lead { margin: 0; max-width: 600px; opacity: .9; font-size: 14px; }
.setup { display: flex; flex-wrap: wrap; gap: 10px 18px; align-items: center; font-size: 14px; }
.setup label, .setup .field { display: flex; align-items: center; gap: 8px; }
.seg { display: inline-flex; border: 1px solid rgba(255,255,255,.45); border-radius: 8px; overflow: hidden; }
.seg button { background: transparent; color: #fff; border: 0; padding: 4px 9px; min-width: 30px; }
.seg button + button { border-left: 1px solid rgba(255,255,255,.25); }
.seg button.on { background: #fff; color: #1f3a5f; font-weight: 700; }
.setup input[type=number] { width: 64px; font: inherit; padding: 3px 6px; border-radius: 6px; border: 0; }
.setup button.plain { background: transparent; color: #fff; border: 1px solid rgba(255,255,255,.45); border-radius: 8px; padding: 4px 10px; }
.toolbar { position: sticky; top: 0; z-index: 5; background: #fff; border-bottom: 1px solid var(--line); box-shadow: 0 2px 6px rgba(0,0,0,.05); }
.toolbar .inner { max-width: 1240px; margin: 0 auto; padding: 10px 24px; display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: center; }
.clock { font: 600 24px/1 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; min-width: 230px; }
.clock small { font: 500 12px system-ui, sans-serif; color: var(--muted); display: block; margin-bottom: 3px; }
.btn { background: #fff; border: 1px solid #c7ccd3; border-radius: 8px; padding: 6px 12px; }
.btn:hover:not(:disabled) { background: #eef3fa; }
.btn.primary { background: var(--accent); color: #fff; border-color: var(--accent); }
.btn.primary:hover:not(:disabled) { background: #325f8f; }
.group { display: inline-flex; gap: 6px; align-items: center; }
.group + .group { padding-left: 14px; border-left: 1px solid var(--line); }
.keys { color: var(--muted); font-size: 12px; margin-left: auto; }
main { max-width: 1240px; margin: 0 auto; padding: 18px 24px 8px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 12px; padding: 16px 20px 18px; margin: 0 0 18px; }
.card > h2 { margin: 0 0 2px; font-size: 18px; font-weight: 620; }
.card > p.lead { margin: 0 0 12px; color: var(--muted); font-size: 14px; }
.grid { display: grid; grid-template-columns: minmax(0, 1.55fr) minmax(0, 1fr); gap: 0 18px; }
@media (max-width: 900px) { .grid { grid-template-columns: 1fr; } }
.dcs { display: flex; gap: 12px; flex-wrap: wrap; }
.dc { flex: 1 1 160px; border: 2px solid var(--line); border-radius: 12px; padding: 8px 10px 10px; background: #fafbfc; }
.dc.cut { border: 2px dashed var(--cut); background: #fff8f1; }
.dc h3 { margin: 0 0 8px; font-size: 14px; color: var(--muted); font-weight: 600; }
.tag { background: var(--cut); color: #fff; border-radius: 6px; padding: 1px 6px; font-size: 12px; margin-left: 4px; }
.tiles { display: flex; flex-wrap: wrap; gap: 8px; }
.member { width: 104px; padding: 8px 6px 7px; border-radius: 12px; border: 2px solid var(--up); background: #f1f8ef; display: flex; flex-direction: column; align-items: center; gap: 1px; transition: transform .08s; }
.member:hover { transform: translateY(-2px); box-shadow: 0 3px 8px rgba(0,0,0,.12); }
.member .icon { font-size: 22px; line-height: 1; color: var(--up); }
.member .name { font-weight: 700; font-size: 16px; }
.member .role { font-size: 13px; }
.member .note { font-size: 11px; color: var(--muted); }
.member.leads { border-color: var(--lead); background: #fff8dc; }
.member.leads .icon { color: var(--lead); }
.member.outside { border-color: var(--cut); border-style: dashed; background: #fff4e8; }
.member.stuck { border-color: var(--cut); background: #fff4e8; }
.member.down { border-color: #b9bec5; background: #eceef1; color: #4d525a; }
.member.down .icon { color: var(--down); }
.partition { margin-top: 12px; display: flex; flex-wrap: wrap; gap: 6px; align-items: center; font-size: 14px; }
.partition.active { background: #fff4e8; border: 1px dashed var(--cut); border-radius: 10px; padding: 8px 10px; gap: 12px; }
.partition button#cut, .partition button#heal { margin-left: 6px; }
.chip { border: 1px solid #c7ccd3; background: #fff; border-radius: 999px; padding: 3px 10px; font-size: 13px; }
.chip.on { background: var(--cut); border-color: var(--cut); color: #fff; }
.sep { width: 1px; height: 20px; background: var(--line); margin: 0 4px; }
.statuses { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 12px; margin: 0 0 18px; }
@media (max-width: 900px) { .statuses { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
.status { border-radius: 12px; padding: 10px 14px 12px; border: 1px solid var(--line); background: #fff; border-left: 8px solid var(--up); }
.status.bad { border-left-color: var(--down); background: #fff5f5; }
.status .title { font-size: 12px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }
.status .big { font-size: 26px; font-weight: 750; }
.status.ok .big { color: #2f6b2a; } .status.bad .big { color: #b3261e; }
.status .small { font-size: 13px; color: var(--muted); }
.formula { font-size: 17px; display: grid; gap: 4px; }
.formula var { font-style: italic; font-family: Georgia, "Times New Roman", serif; }
.formula .now { margin-top: 6px; padding-top: 8px; border-top: 1px solid var(--line); font-size: 15px; }
.ok { color: #2f6b2a; } .bad { color: #b3261e; }
table.sizes { border-collapse: collapse; margin-top: 14px; font-size: 14px; font-variant-numeric: tabular-nums; }
table.sizes th { text-align: left; color: var(--muted); font-weight: 500; padding: 2px 10px 2px 0; }
table.sizes td { text-align: center; padding: 2px 8px; min-width: 28px; }
table.sizes td.current { background: #e4edf8; font-weight: 700; }
table.sizes tr:first-child td { border-bottom: 1px solid var(--line); }
.zoom { float: right; display: inline-flex; gap: 4px; }
.zoom button { font-size: 13px; padding: 3px 10px; }
.zoom button.on { background: #e4edf8; border-color: var(--accent); }
#timeline svg { display: block; max-width: 100%; height: auto; }
#timeline text { font-size: 12px; fill: var(--ink); }
#timeline text.lane { font-size: 13px; font-weight: 600; }
#timeline text.tick { fill: var(--muted); font-size: 11px; }
#timeline text.in-bar { fill: #fff; font-size: 11px; font-weight: 600; pointer-events: none; }
#timeline text.in-bar.light { fill: var(--muted); }
#timeline line.mark { stroke: #1f3a5f; stroke-dasharray: 3 3; stroke-width: 1.2; }
.two { display: grid; grid-template-columns: minmax(0, 1.6fr) minmax(0, 1fr); gap: 0 18px; }
@media (max-width: 900px) { .two { grid-template-columns: 1fr; } }
ol.log { list-style: none; margin: 0; padding: 0; max-height: 330px; overflow-y: auto; font-size: 14px; }
ol.log li { padding: 5px 8px; border-bottom: 1px solid var(--line); }
ol.log li.current { background: #fff8dc; }
ol.log time, ol.history time { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12.5px; color: var(--muted); margin-right: 6px; }
ol.history { list-style: none; margin: 0; padding: 0; max-height: 330px; overflow-y: auto; font-size: 14px; }
ol.history button { width: 100%; text-align: left; background: none; border: 0; padding: 4px 8px; border-radius: 6px; }
ol.history button:hover { background: #eef3fa; }
ol.history li.current button { background: #e4edf8; font-weight: 650; }
ol.history li.undone button { color: #9aa0a6; text-decoration: line-through; }
details.card summary { cursor: pointer; font-weight: 600; }
details pre { background: #f3f4f6; border-radius: 8px; padding: 10px 12px; font-size: 13px; overflow-x: auto; }
.compare-bar { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-bottom: 10px; }
.compare { display: grid; gap: 14px; }
.column { border: 1px solid var(--line); border-radius: 12px; padding: 10px 12px; background: #fafbfc; min-width: 0; }
.column h3 { margin: 0 0 6px; font-size: 15px; }
.column-controls { font-size: 13px; display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: center; margin-bottom: 6px; }
.column-controls select { font: inherit; }
.btn.small { padding: 1px 8px; font-size: 13px; }
.dots { display: flex; flex-wrap: wrap; gap: 6px; margin: 4px 0; }
.dot { display: inline-flex; flex-direction: column; align-items: center; width: 30px; border-radius: 8px; border: 2px solid var(--up); color: var(--up); font-size: 15px; line-height: 1.1; padding: 2px 0; background: #fff; }
.dot small { color: var(--ink); font-size: 11px; }
.dot.leads { border-color: var(--lead); color: #8a6d00; } .dot.down { border-color: #b9bec5; color: var(--down); } .dot.cut { border-color: var(--cut); color: #a35200; border-style: dashed; }
.arith { font-size: 14px; margin: 6px 0; }
.minis { display: grid; grid-template-columns: 1fr 1fr; gap: 6px; margin-bottom: 8px; }
.mini { border-left: 6px solid var(--up); background: #fff; border-radius: 8px; padding: 4px 8px; font-size: 14px; }
.mini.bad { border-left-color: var(--down); background: #fff5f5; }
.mini .title { color: var(--muted); font-size: 12px; display: block; }
.mini.differs { outline: 3px solid #7b3fbf; }
.mini .diff { color: #5b2a91; font-size: 12px; font-weight: 700; }
.col-timeline svg { display: block; max-width: 100%; height: auto; }
.col-timeline text { font-size: 12px; fill: var(--ink); }
.col-timeline text.lane { font-size: 13px; font-weight: 600; } .col-timeline text.tick { fill: var(--muted); font-size: 11px; }
.col-timeline text.in-bar { fill: #fff; font-size: 11px; font-weight: 600; } .col-timeline text.in-bar.light { fill: var(--muted); }
.share { font-size: 13px; display: flex; gap: 8px; align-items: center; width: 100%; justify-content: flex-end; }
.share input { font: 12px ui-monospace, Menlo, Consolas, monospace; padding: 3px 6px; border-radius: 6px; border: 0; width: 420px; max-width: 50vw; }
.notice { background: #fdecea; border: 1px solid #b3261e; color: #7a1c15; border-radius: 10px; padding: 8px 12px; }
footer { max-width: 1240px; margin: 0 auto; padding: 0 24px 28px; color: var(--muted); font-size: 13px; }
`;

const BODY = `
<header class="top"><div class="inner">
  <div><p class="kicker">kubesim</p><h1>Quorum lab</h1>
  <p class="lead">Crash etcd members, cut the network, and watch Raft keep &mdash; or lose &mdash; its quorum. Every step is computed by kubesim's own simulation model, seeded: the same steps always give the same run.</p></div>
  <div class="lesson-bar"><label for="lesson-pick">Lesson</label> <select id="lesson-pick"></select> <button type="button" class="plain" id="presenter" aria-pressed="false">Presenter mode</button> <button type="button" class="plain" id="help-open" aria-controls="help">Keys (?)</button></div>
  <div class="setup free-only">
    <div class="field">Members <span class="seg" id="members"></span></div>
    <div class="field">Datacenters <span class="seg" id="datacenters"></span></div>
    <label><input type="checkbox" id="prevote" checked> pre-vote</label>
    <label>seed <input type="number" id="seed" value="1" min="0" step="1"></label>
    <button type="button" class="plain" id="reset">Start over</button>
  </div>
  <div class="share"><label for="link">Link to this situation</label> <input id="link" readonly size="36"> <button type="button" class="plain" id="copy">Copy link</button> <span id="copied" aria-live="polite"></span></div>
</div></header>
<div class="toolbar"><div class="inner">
  <div class="clock"><small>simulated time</small><span id="clock">00:00:00</span></div>
  <div class="group free-only"><span>Let time pass:</span>
    <button type="button" class="btn" data-advance="0.5">+0.5 s</button>
    <button type="button" class="btn" data-advance="2">+2 s</button>
    <button type="button" class="btn" data-advance="10">+10 s</button>
    <button type="button" class="btn" data-advance="60">+1 min</button>
    <button type="button" class="btn primary" id="play">&#9654; Play</button>
  </div>
  <div class="group">
    <button type="button" class="btn" id="back">&#8630; Back</button>
    <button type="button" class="btn" id="forward">Forward &#8631;</button>
  </div>
  <span class="keys free-only">keys: 1&ndash;9 crash/recover &middot; &larr; &rarr; back/forward &middot; space play &middot; p presenter &middot; ? all keys</span>
  <span class="keys lesson-only">keys: 1&ndash;9 answer &middot; r reveal &middot; &larr; &rarr; step &middot; p presenter &middot; ? all keys</span>
</div></div>
<main>
  <p id="notice" class="notice" role="alert" hidden></p>
  <section id="lesson" aria-live="polite" aria-label="Lesson"></section>
  <div class="grid">
    <section class="card"><h2>The cluster</h2><p class="lead lesson-only">The lesson's scripted faults drive it; you predict, the model answers.</p><p class="lead free-only">Each member runs on its own control-plane node, with an apiserver beside it. Click a member to crash it; click again to bring it back. To cut the network, pick what to cut off below.</p><div id="board"></div></section>
    <section class="card"><h2>The arithmetic</h2><p class="lead">A write commits once a majority of the voting members have it.</p><div id="arithmetic"></div></section>
  </div>
  <section class="statuses" id="status" aria-live="polite"></section>
  <section class="card" id="side-by-side"><h2>Side by side</h2><p class="lead when-comparing">Other clusters driven by the very same steps: what would they have done? Differences from this cluster are marked &ne;.</p>
    <div class="compare-bar"><span id="compare-add"></span> <button type="button" class="btn" id="compare-stop" hidden>Stop comparing</button></div>
    <div id="compare"></div></section>
  <section class="card"><span class="zoom"><button type="button" class="btn on" data-zoom="all">whole run</button><button type="button" class="btn" data-zoom="recent">last 20 s</button></span><h2>Timeline</h2><p class="lead">Up to now. Dashed lines mark your steps; hover over a bar for details.</p><div id="timeline"></div></section>
  <div class="two">
    <section class="card"><h2>What happened</h2><p class="lead">The same narration as <code>kubesim explain</code>.</p><div id="log"></div></section>
    <section class="card free-only"><h2>Your steps</h2><p class="lead">Click a step to go back (or forward) to it.</p><div id="history"></div></section>
  </div>
  <details class="card free-only"><summary>This run as a scenario file</summary><p>Save it and run <code>kubesim explain quorum-lab.yaml</code> to narrate it in a terminal.</p><pre id="yaml"></pre><a id="download" download="quorum-lab.yaml" href="#">Download quorum-lab.yaml</a></details>
</main>
<section id="help" role="dialog" aria-labelledby="help-title" hidden><h2 id="help-title">Keys</h2><p>Everything works from the keyboard.</p><table class="keys-table">${KEYS.map(([k, what]) => `<tr><td><kbd>${k}</kbd></td><td>${what}</td></tr>`).join('')}</table><p><button type="button" class="btn" id="help-close">Close</button></p></section>
<footer>No load balancer in the lab: clients reach every apiserver, so quorum and leadership alone decide whether writes work. Timings are etcd's defaults (heartbeat 100 ms, election timeout 1 s) and Kubernetes' leader-election leases (15 s).</footer>
`;

export interface LabPageOptions {
  /** The state the page opens on when its address has no fragment (a lab link's fragment, labUrl.ts). */
  readonly start?: string;
  /** The lessons the page offers (scenarios/lessons/, and a scenario opened with --scenario). */
  readonly lessons?: readonly LabLesson[];
}

/** The whole page. `script` is the bundled browser code; it must not contain `</script`. */
export function labPage(script: string, options: LabPageOptions = {}): string {
  const start = options.start === undefined ? '' : `\n<meta name="kubesim-lab-start" content="${escapeHtml(options.start)}">`;
  const safe = script.replace(/<\/script/gi, '<\\/script').replace(/<!--/g, '<\\!--');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="kubesim">${start}
<title>Quorum lab · kubesim</title>
<style>${CSS}${LESSON_CSS}${PRESENTER_CSS}</style>
</head>
<body>
${BODY}
<script type="application/json" id="kubesim-lessons">${jsonForScript(options.lessons ?? [])}</script>
<script>${safe}</script>
</body>
</html>
`;
}
