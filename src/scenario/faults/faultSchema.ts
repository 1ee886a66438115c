/** The JSON Schema of a scripted fault, composed from the registry (scripts/schema.mjs writes it into schema/). */
import type { SchemaFragment } from './FaultDefinition.js';
import { FAULT_KIND_NAMES, FAULT_KINDS } from './faultKinds.js';

/** "crash, outage or rollout": the kinds as a sentence lists them. */
export function faultKindList(): string {
  const names = FAULT_KIND_NAMES;
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} or ${names.at(-1)!}`;
}

/** `definitions.fault` of schema/scenario.schema.json. */
export function faultSchema(): SchemaFragment {
  const properties: Record<string, unknown> = {
    at: { $ref: '#/definitions/duration', description: 'When it happens, from the start of the replication; before the horizon.' },
  };
  for (const kind of FAULT_KIND_NAMES) properties[kind] = FAULT_KINDS[kind].schema;
  properties['name'] = {
    $ref: '#/definitions/name',
    description: 'A name for the fault, unique among the faults; reports attribute downtime to it by this name.',
  };
  for (const kind of FAULT_KIND_NAMES) {
    for (const [name, f] of Object.entries(FAULT_KINDS[kind].fields)) {
      const known = properties[name];
      if (known !== undefined && JSON.stringify(known) !== JSON.stringify(f.schema)) {
        throw new Error(`fault field '${name}' of ${kind} has a schema of its own; kinds that share a field must share its schema`);
      }
      properties[name] = f.schema;
    }
  }
  return {
    description: `A scripted fault: \`at\` and exactly one of ${faultKindList()}.`,
    type: 'object',
    additionalProperties: false,
    required: ['at'],
    properties,
  };
}

/** The description of spec.faults. */
export function faultsDescription(): string {
  return `Scripted faults, on top of random failures. Each has \`at\` and exactly one of ${faultKindList()}.`;
}

/** Widest line of schema/scenario.schema.json: longer objects are written one field a line. */
const WIDTH = 180;

/**
 * The schema file's text with its fault parts (`definitions.fault`, the description of
 * spec.faults) replaced by the registry's: what `npm run schema` writes, and what a test checks
 * the committed file against. The rest of the file is hand-written and kept as it is.
 */
export function withFaultSchema(text: string): string {
  const start = text.indexOf('\n    "fault": {\n');
  if (start < 0) throw new Error('schema/scenario.schema.json: no definitions.fault to replace');
  const end = text.indexOf('\n    }', start + 1);
  const block = `\n    "fault": ${formatJson(faultSchema(), 4, '    "fault": '.length)}`;
  const faults = /("faults": \{\n\s+"description": )"[^"\n]*"/;
  if (!faults.test(text)) throw new Error('schema/scenario.schema.json: no description of spec.faults to replace');
  const replaced = text.slice(0, start) + block + text.slice(end + '\n    }'.length);
  return replaced.replace(faults, (_all, head: string) => `${head}${JSON.stringify(faultsDescription())}`);
}

/** JSON as the schema file writes it: a value on one line when it fits in WIDTH, else one field a line. */
function formatJson(v: unknown, indent: number, used: number): string {
  const flat = flatJson(v);
  if (used + flat.length + 1 <= WIDTH || v === null || typeof v !== 'object') return flat;
  const pad = ' '.repeat(indent + 2);
  if (Array.isArray(v)) {
    return `[\n${v.map((x) => pad + formatJson(x, indent + 2, pad.length)).join(',\n')}\n${' '.repeat(indent)}]`;
  }
  const entries = Object.entries(v).map(([k, x]) => {
    const head = `${pad}${JSON.stringify(k)}: `;
    return head + formatJson(x, indent + 2, head.length);
  });
  return `{\n${entries.join(',\n')}\n${' '.repeat(indent)}}`;
}

function flatJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(flatJson).join(', ')}]`;
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${flatJson(x)}`);
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  }
  return JSON.stringify(v);
}
