/** Words for what a file holds ("found ...") and "did you mean" suggestions. */
import { escapeControls, quoteName, quoteValue } from '../../kernel/quoteValue.js';

/** A short description of a raw value, for "found ..." in messages. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (typeof v === 'string') {
    // Not text (a binary file read as UTF-8): say so rather than print the bytes to a terminal.
    // Other control characters (a YAML "\e") are text: quoteValue escapes them.
    if (/[\uFFFD\u0000]/.test(v)) return 'binary data, not text';
    return quoteValue(v);
  }
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.length === 0 ? 'an empty list' : `a list of ${v.length} ${v.length === 1 ? 'item' : 'items'}`;
  if (v instanceof Uint8Array) return 'binary data';
  if (typeof v === 'object') {
    const keys = Object.keys(v);
    if (keys.length === 0) return 'an empty object';
    const shown = keys.slice(0, 4).join(', ') + (keys.length > 4 ? ', ...' : '');
    return `an object with ${keys.length === 1 ? 'field' : 'fields'} ${shown}`;
  }
  return typeof v;
}

/** The closest candidate to a mistyped word, or undefined when none is close (case is ignored). */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase());
    // Allow about one typo per four letters: "replicatons" finds "replications", "lb" finds nothing.
    if (d <= Math.max(1, Math.floor(c.length / 4)) && d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best === word ? undefined : best;
}

/** `unknown cluster 'prd'; did you mean 'prod'? (expected one of prod and dev)`. */
export function unknownName(what: string, name: string, known: readonly string[]): string {
  const list = known.length === 0 ? `there is no ${what}` : `expected one of ${listNames(known)}`;
  return `unknown ${what} ${quoteName(name)}${didYouMean(name, known)} (${list})`;
}

/** "; did you mean 'x'?" or "". */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const s = suggest(word, candidates);
  return s === undefined ? '' : `; did you mean ${quoteName(s)}?`;
}

/** "a, b and c" (each name once), at most `max` names before "...". */
export function listNames(all: readonly string[], max = 8): string {
  const names = [...new Set(all)].map(listed);
  if (names.length === 0) return 'none';
  if (names.length > max) return `${names.slice(0, max).join(', ')}, ... (${names.length} in all)`;
  if (names.length === 1) return names[0]!;
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** A name as a list shows it: bare, escaped, cut to LISTED_MAX characters (a list of long names stays one short line). */
function listed(name: string): string {
  const chars = [...name];
  return escapeControls(chars.length <= LISTED_MAX ? name : `${chars.slice(0, LISTED_MAX).join('')}…`);
}
const LISTED_MAX = 30;

/** Edit distance where swapping two neighbours counts as one edit ("hots" -> "host"). */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return Math.abs(a.length - b.length);
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}
