/** Reading the repository's Markdown as GitHub renders it: headings, their anchors, links and the generated contents. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

export interface Heading {
  readonly level: number;
  readonly text: string;
  readonly anchor: string;
}

/** The headings of a Markdown file (outside code blocks), with GitHub's -1, -2 for repeated anchors. */
export function headingsOf(markdown: string): Heading[] {
  const seen = new Map<string, number>();
  const headings: Heading[] = [];
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const m = fenced ? null : /^(#{1,6}) (.*)$/.exec(line);
    if (m === null) continue;
    const base = anchorOf(m[2]!);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    headings.push({ level: m[1]!.length, text: m[2]!, anchor: n === 0 ? base : `${base}-${n}` });
  }
  return headings;
}

export function anchorsOf(markdown: string): Set<string> {
  return new Set(headingsOf(markdown).map((h) => h.anchor));
}

/** Paths under `dir` (relative to the repository) whose names end with `ext`. */
export function filesUnder(dir: string, ext: string): string[] {
  return (readdirSync(join(ROOT, dir), { recursive: true }) as string[]).filter((f) => f.endsWith(ext)).map((f) => join(dir, f));
}

/** The inline links and images of a Markdown file, outside code blocks and code spans: their targets as written. */
export function linksOf(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]!);
}

export const TOC_START = '<!-- toc -->';
export const TOC_END = '<!-- /toc -->';

/** The contents a page should carry between its toc markers: its level-2 and level-3 headings, linked. */
export function tocOf(markdown: string): string {
  const after = markdown.indexOf(TOC_END);
  const rest = after < 0 ? markdown : markdown.slice(after);
  const wanted = new Set(headingsOf(rest).map((h) => h.anchor));
  return headingsOf(markdown)
    .filter((h) => h.level === 2 || h.level === 3)
    .filter((h) => wanted.has(h.anchor))
    .map((h) => `${'  '.repeat(h.level - 2)}- [${h.text.replace(/[[\]]/g, '\\$&')}](#${h.anchor})`)
    .join('\n');
}

/** The page with its contents regenerated between the markers (unchanged when it has none). */
export function withToc(markdown: string): string {
  const start = markdown.indexOf(TOC_START);
  const end = markdown.indexOf(TOC_END);
  if (start < 0 || end < start) return markdown;
  return `${markdown.slice(0, start)}${TOC_START}\n${tocOf(markdown)}\n${markdown.slice(end)}`;
}
