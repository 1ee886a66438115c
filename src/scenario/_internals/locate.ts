/** Maps paths inside a raw document back to lines of the YAML text it was parsed from. */
import { isMap, isNode, isScalar, isSeq, type Document, type LineCounter, type Pair, type YAMLMap } from 'yaml';
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

// Each mapping's pairs by key text, built on the first lookup: a search through the pairs on every
// lookup made a file with 40,000 unknown keys in one mapping (one problem each) take a minute.
const indexes = new WeakMap<YAMLMap, Map<string, Pair>>();

/** The first pair of `map` for each key text, as a search in order would find it. */
function keyIndex(map: YAMLMap): Map<string, Pair> {
  let index = indexes.get(map);
  if (index === undefined) {
    index = new Map();
    for (const p of map.items) {
      if (!isScalar(p.key)) continue;
      const key = String(p.key.value);
      if (!index.has(key)) index.set(key, p as Pair);
    }
    indexes.set(map, index);
  }
  return index;
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
        const pair = keyIndex(node).get(String(seg));
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
