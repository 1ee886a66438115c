/** The structural pass: validates the raw document against the JSON Schema with ajv, in plain words. */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { describeValue, didYouMean, listNames } from './describe.js';
import { pointerToPath } from './Path.js';
import type { Problems } from './Problems.js';
import { deref, hasType, scenarioSchema, type SchemaNode } from './schema.js';
import { quoteName } from '../../kernel/quoteValue.js';

// allErrors: report every problem in one pass; verbose: errors carry the value and its schema.
export const STRUCTURE_AJV_OPTIONS = { allErrors: true, verbose: true, allowUnionTypes: true, strict: true } as const;

/** The generated validator's file, beside this module in dist/ (scripts/build-validator.mjs). */
export const PREBUILT_VALIDATOR = 'scenarioValidator.cjs';

let validator: ValidateFunction | undefined;

function validate(raw: unknown): readonly ErrorObject[] {
  validator ??= prebuiltValidator() ?? compiledValidator();
  return validator(raw) ? [] : (validator.errors ?? []);
}

/** A digest of the schema the validator checks against: a generated validator is used only for the very same schema. */
export function schemaDigest(): string {
  return createHash('sha256').update(JSON.stringify(scenarioSchema())).digest('hex');
}

/**
 * The validator `npm run build` generated with ajv's standalone code (compiling the schema takes
 * about 0.2 s at every start of the CLI; loading the generated code, 0.03 s), when it exists and
 * was made from this schema; undefined otherwise (the tests, which run from src/, or a stale
 * build), and then the schema is compiled here.
 */
function prebuiltValidator(): ValidateFunction | undefined {
  try {
    const v = createRequire(import.meta.url)(`./${PREBUILT_VALIDATOR}`) as ValidateFunction & { readonly schemaDigest?: string };
    return v.schemaDigest === schemaDigest() ? v : undefined;
  } catch {
    return undefined;
  }
}

/** The schema compiled here, with ajv loaded only then (the built CLI never loads it: it has the generated validator). */
function compiledValidator(): ValidateFunction {
  const { Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
  return new Ajv(STRUCTURE_AJV_OPTIONS).compile(scenarioSchema());
}

/** The start of a schema node's `$comment` that leaves its rule's message to the builder, which checks the same rule (test/scenario/schemaAgreement.test.ts). */
export const DEFERRED = 'kubesim validate:';

/** Reports every structural problem: wrong types, out-of-range numbers, unknown and missing fields. */
export function checkStructure(raw: unknown, problems: Problems): void {
  for (const e of validate(raw)) {
    const path = pointerToPath(e.instancePath, raw);
    const schema = (e.parentSchema ?? {}) as SchemaNode & { readonly $comment?: string };
    // Rules the schema states for editors but the builder words better (a time to failure under 1 s): left to it.
    if (schema.$comment?.startsWith(DEFERRED) === true) continue;
    switch (e.keyword) {
      case 'additionalProperties': {
        const key = String((e.params as { additionalProperty: string }).additionalProperty);
        problems.structural([...path, key], unknownField(key, Object.keys(schema.properties ?? {})));
        break;
      }
      case 'required': {
        const key = String((e.params as { missingProperty: string }).missingProperty);
        const field = schema.properties?.[key];
        const hint = field === undefined ? '' : ` (${expectation(deref(field))})`;
        // Reported on the object that lacks the field (the field has no line of its own).
        problems.structural(path, `missing required field '${key}'${hint}`, [...path, key]);
        break;
      }
      default: {
        const found = describeValue(e.data);
        const mean = e.keyword === 'enum' && typeof e.data === 'string' ? didYouMean(e.data, (schema.enum ?? []).map(String)) : '';
        problems.structural(path, `expected ${expectation(schema)}, found ${found}${mean}`);
      }
    }
  }
}

function unknownField(key: string, known: readonly string[]): string {
  const mean = didYouMean(key, known);
  return mean !== '' ? `unknown field ${quoteName(key)}${mean}` : `unknown field ${quoteName(key)}; expected one of ${listNames(known, 20)}`;
}

/** What a schema node accepts, in words: its title, or a phrase built from its type and limits. */
export function expectation(node: SchemaNode): string {
  if (node.title !== undefined) return node.title;
  if (node.const !== undefined) return JSON.stringify(node.const);
  if (node.enum !== undefined) return `one of ${node.enum.map(String).join(', ')}`;
  const phrases: string[] = [];
  if (hasType(node, 'integer')) phrases.push(range('a whole number', node));
  if (hasType(node, 'number')) phrases.push(range('a number', node));
  if (hasType(node, 'string')) phrases.push(node.minLength !== undefined && node.minLength > 0 ? 'a non-empty string' : 'a string');
  if (hasType(node, 'boolean')) phrases.push('true or false');
  if (hasType(node, 'array')) {
    const n = node.minItems ?? 0;
    const most = node.maxItems === undefined ? '' : `${n > 0 ? ' and' : ''} at most ${node.maxItems}`;
    phrases.push(n > 0 || most !== '' ? `a list of${n > 0 ? ` at least ${n}` : ''}${most} ${n === 1 && most === '' ? 'item' : 'items'}` : 'a list');
  }
  if (hasType(node, 'object')) phrases.push('an object');
  return phrases.length > 0 ? phrases.join(' or ') : 'a valid value';
}

function range(noun: string, node: SchemaNode): string {
  const { minimum: min, maximum: max, exclusiveMinimum: above } = node;
  if (min !== undefined && max !== undefined) return `${noun} from ${min} to ${max}`;
  if (above === 0) return noun === 'a number' ? 'a positive number' : 'a positive whole number';
  if (min !== undefined) return `${noun}, ${min} or more`;
  if (max !== undefined) return `${noun}, ${max} or less`;
  return noun;
}
