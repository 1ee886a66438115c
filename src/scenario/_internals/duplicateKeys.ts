/**
 * Finds repeated keys in the mappings of a parsed YAML document in linear time: the parser's own
 * check compares each key with every earlier one of its mapping, which made a 4 MiB file of one
 * 80,000-key mapping take minutes to refuse.
 */
import { isScalar, visit, type Document } from 'yaml';

/**
 * The text offset of every key that repeats an earlier key of the same mapping, in document
 * order: the keys the parser's `uniqueKeys` check would flag. Two keys are the same when their
 * scalar values are (`===`: `1` and `"1"` differ, `true` and `True` do not); a key that is not a
 * scalar (a list or mapping as a key) is never a repeat, and NaN (`.nan`) never equals itself.
 */
export function duplicateKeyOffsets(doc: Document): number[] {
  const offsets: number[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = pair.key;
        if (!isScalar(key)) continue;
        const value = key.value;
        if (typeof value === 'number' && Number.isNaN(value)) continue;
        if (seen.has(value)) offsets.push(key.range?.[0] ?? 0);
        else seen.add(value);
      }
    },
  });
  // visit calls a mapping before the mappings inside it, so a nested repeat may come later.
  return offsets.sort((a, b) => a - b);
}
