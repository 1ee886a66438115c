/** Every document a comment in src/ or test/ cites exists in the repository, with the section it names. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchorOf, anchorsOf, filesUnder, ROOT } from './markdown.js';

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
