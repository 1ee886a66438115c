/** Reading a vega SVG in tests: its data marks by type and its axis titles, from the text alone. */

export interface SvgMark {
  /** vega's mark type: rect, symbol, rule, text, line, ... */
  readonly type: string;
  /** The mark's name from vega-lite, e.g. "layer_0_marks". */
  readonly name: string;
  /** Drawn items: path, line and text elements in the group. */
  readonly items: number;
}

/** The data marks (role-mark groups; axes, legends and titles are left out). Non-group marks never nest. */
export function svgMarks(svg: string): SvgMark[] {
  const out: SvgMark[] = [];
  // An empty mark is a self-closing <g .../>.
  for (const m of svg.matchAll(/<g class="mark-(\w+) role-mark ([^"]*)"[^>]*?(?:\/>|>(.*?)<\/g>)/gs)) {
    out.push({ type: m[1]!, name: m[2]!, items: (m[3]?.match(/<(path|line|text)\b/g) ?? []).length });
  }
  return out;
}

/** Items of one mark type, summed over every group. */
export function countItems(svg: string, type: string): number {
  return svgMarks(svg)
    .filter((m) => m.type === type)
    .reduce((n, m) => n + m.items, 0);
}

/** The texts of axis titles, in document order. */
export function axisTitles(svg: string): string[] {
  return [...svg.matchAll(/role-axis-title"[^>]*><text[^>]*>(.*?)<\/text>/gs)].map((m) => unescape(m[1]!));
}

/** The chart's title and subtitle texts. */
export function titleTexts(svg: string): string[] {
  return [...svg.matchAll(/role-title-(?:text|subtitle)"[^>]*><text[^>]*>(.*?)<\/text>/gs)].map((m) => unescape(m[1]!));
}

/** Every text element's content, to look for labels. */
export function allTexts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>(.*?)<\/text>/gs)].map((m) => unescape(m[1]!.replace(/<[^>]+>/g, '')));
}

function unescape(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}
