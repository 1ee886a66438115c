/** The report page's style sheet: system fonts, quiet colours, tables that read well; no external resources. */
export const PAGE_CSS = `
:root {
  --ink: #202124; --muted: #5f6368; --line: #e3e5e8; --bg: #f6f7f9; --card: #ffffff; --accent: #3b6ea5;
  --good: #1e7d32; --fair: #a05a00; --poor: #c62828;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink); background: var(--bg); line-height: 1.45; font-size: 15px;
}
* { box-sizing: border-box; }
body { margin: 0; }
header.top { background: #1f3a5f; color: #fff; padding: 28px 0 22px; }
header.top .inner, main, footer { max-width: 1120px; margin: 0 auto; padding: 0 24px; }
header.top .kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 12px; opacity: .75; margin: 0 0 4px; }
header.top h1 { margin: 0 0 6px; font-size: 28px; font-weight: 650; overflow-wrap: anywhere; }
header.top p.description { margin: 0; max-width: 820px; opacity: .92; }
nav.toc { margin-top: 14px; display: flex; flex-wrap: wrap; gap: 6px 16px; font-size: 14px; }
nav.toc a { color: #cfe0f5; text-decoration: none; }
nav.toc a:hover { text-decoration: underline; }
main { padding-top: 20px; padding-bottom: 12px; }
section.card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 18px 22px 20px; margin: 0 0 20px; }
section.card > h2 { margin: 0 0 4px; font-size: 19px; font-weight: 620; }
section.card > p.lead { margin: 0 0 14px; color: var(--muted); font-size: 14px; }
h3 { font-size: 15px; margin: 18px 0 8px; font-weight: 620; }
h3 .model { font-weight: 400; color: var(--muted); font-size: 13px; margin-left: 6px; }
dl.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(160px, 1fr)); gap: 10px; margin: 0 0 6px; }
dl.facts div { background: var(--bg); border-radius: 8px; padding: 8px 12px; }
dl.facts dt { font-size: 12px; color: var(--muted); }
dl.facts dd { margin: 2px 0 0; font-size: 16px; font-weight: 600; overflow-wrap: anywhere; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 14px; font-variant-numeric: tabular-nums; }
caption { text-align: left; color: var(--muted); font-size: 13px; padding-bottom: 6px; }
th, td { padding: 6px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
thead th { font-size: 12px; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); font-weight: 600; border-bottom: 2px solid var(--line); white-space: nowrap; }
tbody th { font-weight: 600; }
tbody tr:nth-child(even) { background: #fafbfc; }
tbody tr:hover { background: #f1f5fb; }
table.signals { table-layout: fixed; }
table.signals th:first-child { width: 15%; }
table.signals th.ci { width: 19%; }
table.signals.wide { table-layout: auto; }
table.signals.wide th.ci { width: auto; }
table.signals.wide th, table.signals.wide td { padding-left: 7px; padding-right: 7px; }
table.signals.wide th.trust, table.signals.wide td.trust { padding-left: 12px; }
th.trust, td.trust { padding-left: 16px; white-space: nowrap; }
table.signals thead th { white-space: normal; vertical-align: bottom; }
td.num, th.num { text-align: right; white-space: nowrap; }
table.configs td, table.configs tbody th { white-space: nowrap; }
table.configs thead th { white-space: normal; vertical-align: bottom; }
table.configs th, table.configs td { padding-left: 7px; padding-right: 7px; }
td.strong { font-weight: 650; }
tr.total th, tr.total td { border-top: 2px solid var(--line); font-weight: 650; }
.good { color: var(--good); } .fair { color: var(--fair); } .poor { color: var(--poor); }
td.good, td.fair, td.poor { font-weight: 650; }
td.flag { color: var(--fair); font-weight: 600; }
td.num.flag { color: var(--poor); }
td.num.bound, table.configs td.num.bound { white-space: normal; min-width: 11em; }
td.num.flag { white-space: normal; min-width: 6em; }
ul.flags { list-style: none; margin: 6px 0 0; padding: 0; font-size: 13px; color: var(--ink); }
ul.flags li { margin: 2px 0; }
ul.flags .flag-mark { color: var(--fair); }
ul.flags li.legend { color: var(--muted); }
.notes { color: var(--muted); font-size: 13px; margin: 6px 0 0; }
.notes span + span::before { content: " · "; }
ul.faults { margin: 0; padding-left: 20px; }
ul.faults li { margin: 2px 0; }
ul.faults .at { font-variant-numeric: tabular-nums; color: var(--muted); display: inline-block; min-width: 80px; }
.two-col { display: grid; grid-template-columns: 1fr 1fr; gap: 0 28px; }
@media (max-width: 800px) { .two-col { grid-template-columns: 1fr; } }
figure.chart { margin: 8px 0 0; overflow-x: auto; }
.chart-body { min-height: 120px; }
.pair { display: flex; flex-wrap: wrap; gap: 16px; }
.card pre { overflow-x: auto; background: #f8f9fa; padding: 12px; border-radius: 8px; font-size: 12px; }
.chart-body[data-rendered="error"] { color: var(--poor); padding: 12px; border: 1px dashed var(--poor); border-radius: 8px; }
.legend-note { font-size: 13px; color: var(--muted); margin: 8px 0 0; }
td.pick { color: var(--good); font-weight: 650; } td.runner-up { color: var(--accent); font-weight: 600; }
p.note { color: var(--muted); font-size: 13px; margin: 6px 0 0; }
table.decision, table.headroom { font-size: 13px; }
td.meets { color: var(--muted); } td.tagged { white-space: pre; }
table.decision thead th, table.headroom thead th, table.configs thead th, table.etcd thead th { overflow-wrap: break-word; white-space: normal; vertical-align: bottom; }
table.decision { font-size: 12px; } table.decision th, table.decision td { padding-left: 4px; padding-right: 4px; }
table.configs td:last-child { white-space: normal; min-width: 7em; }
table.decision thead th, table.configs thead th { text-transform: none; letter-spacing: 0; }
table.etcd, table.configs { font-size: 13px; } table.etcd th, table.etcd td { padding-left: 6px; padding-right: 6px; } table.etcd tbody th { white-space: normal; font-weight: 500; min-width: 10em; }
table.decision th, table.decision td, table.headroom th, table.headroom td { padding-left: 6px; padding-right: 6px; }
table.decision thead th, table.headroom thead th { white-space: normal; vertical-align: bottom; }
.yes { color: var(--good); font-weight: 600; } .no { color: var(--poor); font-weight: 600; }
details { border-top: 1px solid var(--line); padding: 10px 0; }
details > summary { cursor: pointer; font-size: 15px; }
details[open] > summary { margin-bottom: 8px; }
footer { color: var(--muted); font-size: 13px; padding-bottom: 28px; }
#vg-tooltip-element { font-family: inherit; font-size: 13px; }
`;
