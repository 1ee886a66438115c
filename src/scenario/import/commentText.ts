/** Text from the cluster made safe for a YAML comment or a quoted scalar: one line, no control or bidirectional characters. */
import { UNSAFE_CHARACTERS } from '../../kernel/quoteValue.js';

/** Replaces line breaks, control characters and bidirectional controls with `?`, so a node name cannot end a comment early. */
export function commentText(text: string): string {
  return text.replace(UNSAFE_CHARACTERS, '?');
}

/** A YAML double-quoted scalar (JSON's string syntax is valid YAML). */
export function quoted(text: string): string {
  return JSON.stringify(text);
}

/** `a, b, c and 4 more`: a list of names for a comment, at most `max` of them. */
export function someNames(names: readonly string[], max = 5): string {
  const shown = names.slice(0, max).map(commentText).join(', ');
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}
