/** Every document a comment in src/ or test/ cites exists in the repository, with the section it names. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

/** The anchors of a Markdown file's headings (outside code blocks), with GitHub's -1, -2 for repeats. */
function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const m = fenced ? null : /^#{1,6} (.*)$/.exec(line);
    if (m === null) continue;
    const base = anchorOf(m[1]!);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

function filesUnder(dir: string, ext: string): string[] {
  return (readdirSync(join(ROOT, dir), { recursive: true }) as string[]).filter((f) => f.endsWith(ext)).map((f) => join(dir, f));
}

// A citation: a Markdown file of the repository, optionally with a section (`docs/domain.md#k-of-n`).
const CITATION = /\b((?:docs\/[\w./-]+|README)\.md)(#[\w-]+)?/g;
// A bare design.md or domain.md, not under docs/: a document outside the repository.
const STRAY = /(?<![\w/])(design|domain)\.md\b/g;

// Code, tests and the documents themselves (README and docs/ cite each other).
const sources = [...filesUnder('src', '.ts'), ...filesUnder('test', '.ts'), 'README.md', ...filesUnder('docs', '.md')];
const citations = sources.flatMap((file) => {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(CITATION)].map((m) => ({ file, doc: m[1]!, anchor: m[2]?.slice(1) }));
});

describe('citations of documents in comments', () => {
  it('should compute GitHub anchors', () => {
    // A heading with backticks, a colon and a comma, as GitHub slugs them.
    expect(anchorOf('`kubesim analytic`: the exact answer beside the simulation')).toBe('kubesim-analytic-the-exact-answer-beside-the-simulation');
    expect(anchorOf('Elections, check-quorum and pre-vote')).toBe('elections-check-quorum-and-pre-vote');
    expect(anchorsOf('# A\n## B c\n```\n# not a heading\n```\n## B c\n')).toEqual(new Set(['a', 'b-c', 'b-c-1']));
  });

  it('should find the citations it checks', () => {
    // The analytic closed forms cite docs/domain.md; if none is found, the pattern is broken.
    expect(citations.filter((c) => c.doc === 'docs/domain.md').length).toBeGreaterThan(10);
  });

  it('should cite only files that exist, and sections that exist in them', () => {
    const anchors = new Map<string, Set<string>>();
    const broken = citations.filter(({ doc, anchor }) => {
      if (!existsSync(join(ROOT, doc))) return true;
      if (anchor === undefined) return false;
      if (!anchors.has(doc)) anchors.set(doc, anchorsOf(readFileSync(join(ROOT, doc), 'utf8')));
      return !anchors.get(doc)!.has(anchor);
    });
    expect(broken.map(({ file, doc, anchor }) => `${file}: ${doc}${anchor === undefined ? '' : `#${anchor}`}`)).toEqual([]);
  });

  it('should not cite design.md or domain.md outside docs/ (they are not in the repository)', () => {
    const stray = sources
      .filter((file) => !file.endsWith('citations.test.ts'))
      .flatMap((file) => [...readFileSync(join(ROOT, file), 'utf8').matchAll(STRAY)].map((m) => `${file}: ${m[0]}`));
    expect(stray).toEqual([]);
  });

  it('should link only to sections that exist within each document of docs/', () => {
    const broken = filesUnder('docs', '.md').flatMap((file) => {
      const text = readFileSync(join(ROOT, file), 'utf8');
      const own = anchorsOf(text);
      return [...text.matchAll(/\]\(#([\w-]+)\)/g)].filter((m) => !own.has(m[1]!)).map((m) => `${file}: #${m[1]}`);
    });
    expect(broken).toEqual([]);
  });
});
