/**
 * Why the YAML library's toJS refused a document that parsed: an alias to an anchor not set
 * before it, or a merge key (`<<`) whose value is not a map, an alias of one, or a list of them.
 * Its own message names neither the line nor, for a merge of an undefined alias, the alias; this
 * walk of the document finds the node, as the library would meet it (document order).
 */
import { isAlias, isDocument, isMap, isNode, isPair, isScalar, isSeq, visit, type Document, type LineCounter, type Node } from 'yaml';
import { quoteValue } from '../../kernel/quoteValue.js';
import { formatPath } from './Path.js';

export interface AliasProblem {
  readonly line?: number;
  readonly path: string;
  readonly message: string;
}

/** The first such problem in document order, or undefined when there is none (toJS failed for another reason). */
export function aliasProblem(doc: Document, lines: LineCounter): AliasProblem | undefined {
  const anchors = new Map<string, Node>();
  let found: AliasProblem | undefined;
  const at = (node: unknown, ancestors: readonly unknown[], message: string): typeof visit.BREAK => {
    found = { ...(isNode(node) && node.range ? { line: lines.linePos(node.range[0]).line } : {}), path: pathOf([...ancestors, node]), message };
    return visit.BREAK;
  };
  const undefinedAlias = (source: string) => `the alias *${source} names no anchor set before it (expected &${source} earlier in the file)`;
  visit(doc, (_key, node, ancestors) => {
    if (isAlias(node)) {
      if (!anchors.has(node.source)) return at(node, ancestors, undefinedAlias(node.source));
      return undefined;
    }
    if (isNode(node) && node.anchor !== undefined) anchors.set(node.anchor, node);
    if (!isPair(node) || !isMergeKey(node.key)) return undefined;
    const value = node.value;
    const items = isSeq(value) ? value.items : [value];
    for (const item of items) {
      if (isAlias(item) && !anchors.has(item.source)) return at(node.key, ancestors, `<<: ${undefinedAlias(item.source)}`);
      const source = isAlias(item) ? anchors.get(item.source) : item;
      if (!isMap(source)) return at(node.key, ancestors, `<<: expected a map, an alias of a map (*name), or a list of them to merge, found ${describe(item)}`);
    }
    return undefined;
  });
  return found;
}

function isMergeKey(key: unknown): boolean {
  return isScalar(key) && (key.value === '<<' || (typeof key.value === 'symbol' && key.value.description === '<<'));
}

function describe(node: unknown): string {
  if (isAlias(node)) return `the alias *${node.source}, which is not a map`;
  if (isSeq(node)) return 'a list inside the list';
  if (isScalar(node)) return quoteValue(String(node.value));
  return 'nothing';
}

/** The display path of the last node in `chain` (the document, then collections and pairs down to it). */
function pathOf(chain: readonly unknown[]): string {
  const path: (string | number)[] = [];
  for (let i = 0; i < chain.length - 1; i++) {
    const [node, next] = [chain[i], chain[i + 1]];
    if (isDocument(node)) continue;
    if (isSeq(node)) path.push(node.items.indexOf(next as never));
    else if (isPair(node) && next === node.value) path.push(isScalar(node.key) ? String(typeof node.key.value === 'symbol' ? '<<' : node.key.value) : '?');
  }
  return formatPath(path);
}
