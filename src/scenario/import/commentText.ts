/** Text from the cluster made safe for a YAML comment or a quoted scalar: one line, no control or bidirectional characters. */

/** Replaces line breaks, control characters and bidirectional controls with `?`, so a node name cannot end a comment early. */
export function commentText(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, '?');
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
