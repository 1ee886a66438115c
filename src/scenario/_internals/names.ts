/** Checks on names: references to declared things, and uniqueness. */
import { unknownName } from './describe.js';
import { formatPath, type Path } from './Path.js';
import type { Problems } from './Problems.js';
import { quoteName } from '../../kernel/quoteValue.js';

/** Declared names; `complete` is false when some declaration was unreadable (then unknown references stay silent). */
export interface NameSet {
  readonly names: readonly string[];
  readonly complete: boolean;
}

/** Reports a reference to an undeclared name, listing the declared ones; returns whether it is known. */
export function checkReference(p: Problems, name: string, set: NameSet, path: Path, what: string): boolean {
  if (set.names.includes(name)) return true;
  if (set.complete) p.add(path, unknownName(what, name, set.names));
  return false;
}

/** Reports every name declared twice, at the second declaration, pointing at the first. */
export function checkUnique(p: Problems, entries: readonly { readonly name: string; readonly path: Path }[], what: string): void {
  const first = new Map<string, Path>();
  for (const e of entries) {
    const earlier = first.get(e.name);
    if (earlier === undefined) first.set(e.name, e.path);
    else p.add(e.path, `duplicate ${what} ${quoteName(e.name)} (already declared at ${formatPath(earlier)})`);
  }
}
