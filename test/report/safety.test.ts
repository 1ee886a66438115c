import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdown, jsonForScript } from '../../src/report/escape.js';
import { renderCompareHtml } from '../../src/report/renderCompareHtml.js';
import { renderHtml } from '../../src/report/renderHtml.js';
import { renderCompareMarkdown, renderMarkdown } from '../../src/report/renderMarkdown.js';
import type { Scenario } from '../../src/scenario/Scenario.js';
import { compareInput, prodSpec, rows, scenario, summary, trace } from './fixtures.js';

const EVIL = '<script>alert(1)</script>';
const ATTR = '"><img src=x onerror=alert(2)>';

/** The fixture with hostile text in every place a scenario author controls. */
const evil: Scenario = {
  ...scenario,
  name: EVIL,
  description: `${ATTR} | pipe \`tick\` **bold** </script><!--`,
  clusters: [{ ...prodSpec, workloads: [{ name: EVIL, replicas: 2, minAvailable: 1 }] }, ...scenario.clusters.slice(1)],
  faults: [{ kind: 'crash', at: 60, target: ATTR, duration: 60 }],
};
const evilSummary = { ...summary, scenario: EVIL };
const evilTrace = { ...trace, events: [...trace.events, { t: 100, kind: 'fault', fault: 'crash', text: EVIL } as const] };

/** The page up to its own scripts (the JSON block, then the libraries): where the scenario's text lands as markup. */
function markup(html: string): string {
  const end = html.indexOf('<script id="kubesim-charts"');
  expect(end).toBeGreaterThan(0);
  return html.slice(0, end);
}

describe('escaping a scenario\u2019s strings', () => {
  const html = renderHtml({ scenario: evil, summary: evilSummary, rows, trace: evilTrace });

  it('should escape the name and description in the HTML text and title', () => {
    expect(html).toContain('<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>');
    expect(html).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt; — kubesim report</title>');
    expect(markup(html)).not.toMatch(/<script|<img|<\/script|<!--/);
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
  });

  it('should hold exactly the page\u2019s own script elements, none from the scenario', () => {
    // The JSON block, vega, vega-embed and the embed script (vega-lite compiles the specs when the page is written).
    expect(html.match(/<script\b/gi)?.length).toBe(4);
    expect(html.match(/<\/script/gi)?.length).toBe(4);
  });

  it('should escape < in the charts\u2019 JSON so that no string can close the script element', () => {
    const json = /<script id="kubesim-charts" type="application\/json">([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(json).not.toMatch(/[<>]/);
    expect(json).toContain('\\u003cscript\\u003ealert(1)\\u003c/script\\u003e');
    // And it still parses back to the original text.
    expect(JSON.stringify(JSON.parse(json))).toContain(JSON.stringify(EVIL).slice(1, -1));
  });

  it('should escape the compare page too', () => {
    const entries = compareInput.entries.map((e, i) => (i === 0 ? { ...e, label: EVIL, scenario: { ...e.scenario, name: ATTR } } : e));
    const page = renderCompareHtml({ ...compareInput, title: EVIL, entries, properties: { columns: [EVIL], rows: [{ label: ATTR, values: { [EVIL]: EVIL } }] } });
    expect(markup(page)).not.toMatch(/<script|<img|<\/script|<!--/);
    expect(page.match(/<script\b/gi)?.length).toBe(4);
  });

  it('should escape the name, pipes, backticks and HTML in Markdown', () => {
    const md = renderMarkdown({ scenario: evil, summary: evilSummary, rows });
    expect(md).toContain('# &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(md).not.toMatch(/<script|<img|<\/script|<!--/);
    expect(md).toContain('\\| pipe \\`tick\\` \\*\\*bold\\*\\*');
    // The workload name sits in a table cell: its pipes and tags cannot break the row.
    const row = md.split('\n').find((l) => l.startsWith('| prod |'))!;
    expect(row.split(/(?<!\\)\|/).length).toBe(10); // 8 cells between 9 unescaped pipes
    const cmp = renderCompareMarkdown({ ...compareInput, title: EVIL });
    expect(cmp).not.toContain('<script');
  });
});

describe('escape functions', () => {
  it.each([
    ['a & b', 'a &amp; b'],
    ['<b>', '&lt;b&gt;'],
    [`"'`, '&quot;&#39;'],
    ['plain', 'plain'],
    ['<a href="x">T&amp;C\'s</a>', '&lt;a href=&quot;x&quot;&gt;T&amp;amp;C&#39;s&lt;/a&gt;'],
  ])('escapeHtml(%j) = %j', (input, expected) => expect(escapeHtml(input)).toBe(expected));

  it.each([
    ['a|b', 'a\\|b', 'a pipe would split a table cell'],
    ['`x`', '\\`x\\`', 'backticks would start code'],
    ['<em>', '&lt;em&gt;', 'raw HTML is not allowed'],
    ['# title', '\\# title', 'a heading at the start'],
    ['- item', '\\- item', 'a list item at the start'],
    ['1. first', '1\\. first', 'a numbered list at the start'],
    ['99.99%', '99.99%', 'a number is left alone'],
    ['line\nbreak', 'line break', 'a newline would end a table row'],
    ['[link](x)', '\\[link\\](x)', 'no links from scenario text'],
    ['a # b - c', 'a # b - c', 'a marker inside the text is no block'],
    ['  + item', '  \\+ item', 'indented list marker: still a list'],
    ['12) twelfth', '12\\) twelfth', 'a numbered list of more than one digit'],
    ['  3. third', '  3\\. third', 'an indented numbered list'],
    ['4.', '4\\.', 'a numbered list item with nothing after it'],
    ['see 1. above', 'see 1. above', 'a number inside the text is no list'],
    ['a\r\nb\rc', 'a b c', 'CRLF and a lone CR are line breaks too'],
    ['*_~\\', '\\*\\_\\~\\\\', 'emphasis, strike-through and the backslash itself'],
  ])('escapeMarkdown(%j) = %j (%s)', (input, expected) => expect(escapeMarkdown(input)).toBe(expected));

  it('should escape <, >, &, U+2028 and U+2029 in JSON for scripts, and round-trip', () => {
    const value = { s: '</script><!-- & \u2028\u2029' };
    const json = jsonForScript(value);
    expect(json).toBe('{"s":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028\\u2029"}');
    expect(JSON.parse(json)).toEqual(value);
  });
});
