/**
 * The documents hold together: every relative link of README.md and docs/ reaches a file of the
 * repository (and a heading of it when it names one), and each page's contents list its sections.
 * `TOC_UPDATE=1 npx vitest run test/docs/links.test.ts` rewrites the contents.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchorsOf, filesUnder, linksOf, ROOT, TOC_START, withToc } from './markdown.js';

const pages = ['README.md', ...filesUnder('docs', '.md')];

/** A link target that is not on this repository: a web address, mail, or another scheme. */
const external = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target);

/** The broken relative links of one page, as "page: target (why)". */
function brokenLinks(page: string): string[] {
  const text = readFileSync(join(ROOT, page), 'utf8');
  return linksOf(text)
    .filter((target) => !external(target))
    .flatMap((target) => {
      const [path, anchor] = target.split('#') as [string, string | undefined];
      const file = path === '' ? page : normalize(join(dirname(page), decodeURIComponent(path)));
      if (file.startsWith('..') || !existsSync(join(ROOT, file))) return [`${page}: ${target} (no such file)`];
      if (anchor === undefined || statSync(join(ROOT, file)).isDirectory() || !file.endsWith('.md')) return [];
      return anchorsOf(readFileSync(join(ROOT, file), 'utf8')).has(anchor) ? [] : [`${page}: ${target} (no such heading)`];
    });
}

describe('the links of README and docs/', () => {
  it('should find the links it checks', () => {
    // README links to docs/ pages; if none is found, the pattern is broken.
    expect(linksOf(readFileSync(join(ROOT, 'README.md'), 'utf8')).filter((t) => t.startsWith('docs/')).length).toBeGreaterThan(10);
    expect(linksOf('a [b](c.md#d), ![e](f.png) and `[g](h.md)`\n```\n[i](j.md)\n```\n')).toEqual(['c.md#d', 'f.png']);
  });

  it.each(pages)('should reach files and headings that exist, from %s', (page) => {
    expect(brokenLinks(page)).toEqual([]);
  });

  it.each(pages.filter((p) => readFileSync(join(ROOT, p), 'utf8').includes(TOC_START)))('should list every section of %s in its contents', (page) => {
    // Arrange
    const text = readFileSync(join(ROOT, page), 'utf8');
    // Act
    const fresh = withToc(text);
    if (process.env.TOC_UPDATE === '1' && fresh !== text) writeFileSync(join(ROOT, page), fresh);
    // Assert
    expect(text).toBe(fresh);
  });

  it('should give each reference page of docs/ its contents', () => {
    // The pages README sends readers to for reference; each opens with its own contents.
    const reference = ['commands', 'reports', 'model', 'scenario-reference', 'analytic', 'capacity-planning', 'benchmarks', 'kernel', 'architecture', 'development', 'teaching'];
    const without = reference.filter((p) => !readFileSync(join(ROOT, `docs/${p}.md`), 'utf8').includes(TOC_START));
    expect(without).toEqual([]);
  });
});
