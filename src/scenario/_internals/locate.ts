/** Maps paths inside a raw document back to lines of the YAML text it was parsed from. */
import { isMap, isNode, isScalar, isSeq, type Document, type LineCounter } from 'yaml';
import type { Path } from './Path.js';

/** The 1-based line of the value at a path (or of its nearest ancestor present in the text). */
export type Locator = (path: Path) => number | undefined;

const NO_LINES: Locator = () => undefined;

// Keyed by the raw document object, so that scenarioFromRaw(raw) finds the lines of the text
// it came from without the raw document carrying extra fields; setPath copies the entry.
const registry = new WeakMap<object, Locator>();

export function attachLocator(raw: unknown, locate: Locator): void {
  if (raw !== null && typeof raw === 'object') registry.set(raw, locate);
}

export function locatorOf(raw: unknown): Locator {
  return raw !== null && typeof raw === 'object' ? (registry.get(raw) ?? NO_LINES) : NO_LINES;
}

/** A locator over a parsed YAML document: follows map keys and list items from the root. */
export function yamlLocator(doc: Document, lines: LineCounter): Locator {
  const lineAt = (node: unknown): number | undefined =>
    isNode(node) && node.range ? lines.linePos(node.range[0]).line : undefined;
  return (path) => {
    let node: unknown = doc.contents;
    let line = lineAt(node);
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
        if (pair === undefined) break;
        // The key's line: for `etcd:` followed by a block, that is where the field is named.
        line = lineAt(pair.key) ?? lineAt(pair.value) ?? line;
        node = pair.value;
      } else if (isSeq(node) && typeof seg === 'number') {
        const item: unknown = node.items[seg];
        if (item === undefined) break;
        line = lineAt(item) ?? line;
        node = item;
      } else {
        break;
      }
    }
    return line;
  };
}
