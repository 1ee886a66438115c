/** The JSON Schema of the raw format (schema/scenario.schema.json), loaded once, and walks over it. */
import { readFileSync } from 'node:fs';

/** The parts of a JSON Schema node that the validator's messages and setPath read. */
export interface SchemaNode {
  readonly title?: string;
  readonly description?: string;
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly minLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly items?: SchemaNode;
  readonly $ref?: string;
  readonly definitions?: Readonly<Record<string, SchemaNode>>;
}

// The schema ships beside dist/ and src/ (package.json "files"); both sit two folders below
// the package root, so one relative URL serves the compiled code and the tests.
const SCHEMA_URL = new URL('../../../schema/scenario.schema.json', import.meta.url);

let cached: SchemaNode | undefined;

export function scenarioSchema(): SchemaNode {
  cached ??= JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as SchemaNode;
  return cached;
}

/** Follows a `#/definitions/x` reference; the node's own annotations win over the target's. */
export function deref(node: SchemaNode): SchemaNode {
  const ref = node.$ref;
  if (ref === undefined || !ref.startsWith('#/definitions/')) return node;
  const target = scenarioSchema().definitions?.[ref.slice('#/definitions/'.length)];
  if (target === undefined) return node;
  const { $ref: _ignored, ...own } = node;
  return { ...deref(target), ...own };
}

export function hasType(node: SchemaNode, type: string): boolean {
  return node.type === type || (Array.isArray(node.type) && node.type.includes(type));
}
