/** The lab page's style sheet for lessons, the keys panel and presenter mode (labPage.ts holds the base one). */

/** Lessons: the panel, the choices, the score; in a lesson the free lab's own controls are hidden. */
export const LESSON_CSS = `
.lesson-bar { display: flex; gap: 8px; align-items: center; font-size: 14px; }
.lesson-bar button.plain { background: transparent; color: #fff; border: 1px solid rgba(255,255,255,.45); border-radius: 8px; padding: 4px 10px; }
.lesson-bar button.plain[aria-pressed="true"] { background: #fff; color: #1f3a5f; font-weight: 700; }
#side-by-side:not(.comparing) { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; padding-top: 12px; padding-bottom: 12px; }
#side-by-side:not(.comparing) > h2 { margin: 0; }
#side-by-side:not(.comparing) .when-comparing, #side-by-side:not(.comparing) #compare { display: none; }
#side-by-side:not(.comparing) .compare-bar { margin: 0; }
.lesson-bar select { font: 14px system-ui, sans-serif; padding: 4px 6px; border-radius: 6px; border: 0; max-width: 360px; }
#lesson:empty { display: none; }
.lesson { background: #fff; border: 2px solid var(--accent); border-radius: 12px; padding: 14px 20px 16px; margin: 0 0 18px; }
.lesson .kicker { margin: 0; text-transform: uppercase; letter-spacing: .06em; font-size: 12px; color: var(--muted); }
.lesson .counter { margin: 2px 0 8px; font-weight: 600; display: flex; gap: 10px; align-items: center; }
.pips { display: inline-flex; gap: 5px; }
.pip { width: 12px; height: 12px; border-radius: 50%; border: 2px solid #8a9099; background: #fff; }
.pip.right { background: #2f6b2a; border-color: #2f6b2a; } .pip.wrong { background: #b3261e; border-color: #b3261e; } .pip.seen { background: #8a9099; }
.pip.here { outline: 2px solid var(--ink); outline-offset: 2px; }
.lesson .intro { margin: 0 0 8px; }
.lesson .situation { font-size: 19px; margin: 4px 0; }
.lesson .situation time, .recap time { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .8em; color: var(--muted); margin-right: 6px; }
.lesson .question { font-size: 20px; font-weight: 700; margin: 8px 0; }
.choices { display: flex; flex-wrap: wrap; gap: 8px; }
.choice { background: #fff; border: 2px solid var(--accent); color: #1f3a5f; border-radius: 10px; padding: 8px 14px; font-weight: 600; }
.choice:hover { background: #eef3fa; }
.choice kbd, .keys-table kbd { font: 600 .85em ui-monospace, Menlo, Consolas, monospace; border: 1px solid #8a9099; border-radius: 4px; padding: 0 5px; margin-right: 4px; background: #f3f4f6; color: var(--ink); }
.lesson .hint { color: var(--muted); font-size: 14px; }
button.link { background: none; border: 0; color: #1f4f85; text-decoration: underline; padding: 0; }
.lesson .answer { font-size: 19px; margin: 8px 0 4px; }
.lesson .because { color: var(--muted); font-size: 14px; }
.verdict { font-weight: 700; margin: 4px 0; } .verdict.right { color: #2f6b2a; } .verdict.wrong { color: #b3261e; } .verdict.seen { color: var(--muted); }
.lesson .explain { background: #f3f6fa; border-left: 5px solid var(--accent); padding: 8px 12px; border-radius: 6px; }
.score { font-size: 22px; margin: 6px 0; }
ol.recap { padding-left: 20px; } ol.recap .mark { font-weight: 700; display: inline-block; width: 1.2em; }
.cluster-name { margin: 0 0 6px; font-weight: 600; color: var(--muted); }
body.lesson-mode .free-only { display: none !important; }
body:not(.lesson-mode) .lesson-only { display: none !important; }
body.lesson-mode .two { grid-template-columns: 1fr; }
body.lesson-mode:not(.lesson-compare) #side-by-side { display: none; }
body.lesson-mode #side-by-side .compare-bar { display: none; }
:focus-visible { outline: 3px solid #1f4f85; outline-offset: 2px; }
header.top :focus-visible { outline-color: #ffd166; }
#help { position: fixed; right: 24px; top: 24px; z-index: 20; background: #fff; border: 2px solid var(--ink); border-radius: 12px; padding: 14px 18px; box-shadow: 0 8px 30px rgba(0,0,0,.25); max-width: 520px; }
#help h2 { margin: 0 0 6px; font-size: 18px; }
.keys-table { border-collapse: collapse; font-size: 14px; } .keys-table td { padding: 3px 10px 3px 0; vertical-align: top; }
`;

/**
 * Presenter mode, for a projector at the back of a room: larger type, heavier lines, black on
 * white with the status colours darkened (contrast above 7:1), secondary text hidden.
 */
export const PRESENTER_CSS = `
body.presenter { --muted: #202124; --line: #5f6368; --bg: #fff; font-size: 22px; }
body.presenter header.top { background: #000; }
body.presenter header.top h1 { font-size: 40px; }
body.presenter header.top p.lead, body.presenter .card > p.lead, body.presenter footer, body.presenter .keys, body.presenter .share { display: none; }
body.presenter main, body.presenter .toolbar .inner, body.presenter header.top .inner { max-width: none; }
body.presenter .btn, body.presenter .chip, body.presenter .setup, body.presenter .seg button { font-size: 20px; }
body.presenter .clock { font-size: 40px; }
body.presenter .card { border: 2px solid #000; }
body.presenter .card > h2 { font-size: 28px; }
body.presenter .member { width: 150px; border-width: 4px; }
body.presenter .member .name { font-size: 24px; } body.presenter .member .role { font-size: 19px; } body.presenter .member .note { font-size: 15px; color: #202124; }
body.presenter .member .icon { font-size: 32px; }
body.presenter .status { border-left-width: 14px; border: 2px solid #000; }
body.presenter .status .title, body.presenter .status .small { font-size: 18px; color: #000; }
body.presenter .status .big { font-size: 44px; }
body.presenter .status.ok .big, body.presenter .ok { color: #1b4d17; } body.presenter .status.bad .big, body.presenter .bad { color: #8c1a13; }
body.presenter .formula { font-size: 26px; } body.presenter .formula .now { font-size: 22px; }
body.presenter table.sizes { font-size: 20px; }
body.presenter ol.log, body.presenter ol.history { font-size: 20px; max-height: 420px; }
body.presenter #timeline text, body.presenter .col-timeline text { font-size: 16px; } body.presenter #timeline text.lane { font-size: 17px; }
body.presenter .lesson { border-width: 4px; border-color: #000; }
body.presenter .lesson .situation { font-size: 30px; } body.presenter .lesson .question { font-size: 34px; }
body.presenter .choice { font-size: 26px; border-width: 3px; border-color: #000; color: #000; }
body.presenter .lesson .answer, body.presenter .lesson .explain { font-size: 26px; } body.presenter .lesson .because { font-size: 20px; color: #202124; }
body.presenter .score { font-size: 36px; }
body.presenter .mini { font-size: 20px; } body.presenter .arith { font-size: 20px; }
body.presenter :focus-visible { outline-width: 5px; }
body.presenter .lesson .kicker, body.presenter .lesson .counter, body.presenter .lesson-bar, body.presenter .lesson-bar select, body.presenter .lesson-bar button { font-size: 20px; }
body.presenter .pip { width: 18px; height: 18px; }
body.presenter .dc h3, body.presenter .cluster-name { font-size: 20px; color: #000; }
body.presenter .partition, body.presenter .partition button, body.presenter .chip { font-size: 19px; }
body.presenter .clock small { font-size: 16px; color: #000; }

`;
