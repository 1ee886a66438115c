import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FAULT_KIND_NAMES, FAULT_KINDS, faultSchema, withFaultSchema } from '../../../src/scenario/index.js';

const FILE = new URL('../../../schema/scenario.schema.json', import.meta.url);

describe('the fault part of schema/scenario.schema.json', () => {
  it('should be what `npm run schema` generates from the registry (edit src/scenario/faults/, not the file)', () => {
    // Arrange
    const committed = readFileSync(FILE, 'utf8');

    // Act
    const generated = withFaultSchema(committed);

    // Assert
    expect(generated).toBe(committed);
  });

  it('should allow `at`, every kind, `name` and every field some kind takes, and nothing else', () => {
    // Arrange
    const fields = FAULT_KIND_NAMES.flatMap((k) => Object.keys(FAULT_KINDS[k].fields));
    const expected = new Set(['at', ...FAULT_KIND_NAMES, 'name', ...fields]);

    // Act
    const properties = Object.keys(faultSchema()['properties'] as object);

    // Assert: kinds come first, in registry order, since messages list them in that order.
    expect(new Set(properties)).toEqual(expected);
    expect(properties.slice(0, FAULT_KIND_NAMES.length + 1)).toEqual(['at', ...FAULT_KIND_NAMES]);
  });

  it('should name, in its description, every field that a kind cannot do without', () => {
    for (const kind of FAULT_KIND_NAMES) {
      const needed = Object.entries(FAULT_KINDS[kind].fields).filter(([, f]) => f.needed);
      const description = String(FAULT_KINDS[kind].schema['description']);
      for (const [name] of needed) expect(description, kind).toContain(`Needs \`${name}\``);
    }
  });
});
