/** Paths inside a raw scenario document, as keys and indexes, and their display form. */
import { QUOTE_MAX_CHARACTERS, quoteValue } from '../../kernel/quoteValue.js';

export type Path = readonly (string | number)[];

const IDENTIFIER = /^[A-Za-z_$][\w$-]*$/;

/** `spec.clusters[0].etcd.members`; odd keys are quoted (`spec["my key"]`); the root is `''`. */
export function formatPath(path: Path): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (IDENTIFIER.test(seg) && seg.length <= QUOTE_MAX_CHARACTERS) out += out === '' ? seg : `.${seg}`;
    else out += `[${quoteValue(seg)}]`; // a long or odd key: escaped and cut, as any echoed value
  }
  return out;
}

/** Turns ajv's JSON pointer (`/spec/clusters/0`) into a Path, with numbers where the data holds a list. */
export function pointerToPath(pointer: string, root: unknown): Path {
  if (pointer === '') return [];
  const path: (string | number)[] = [];
  let node = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      const i = Number(key);
      path.push(i);
      node = node[i];
    } else {
      path.push(key);
      node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
    }
  }
  return path;
}
