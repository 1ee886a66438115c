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

  it('should list every kind, then `at`-less fields each kind declares, and nothing else', () => {
    // Arrange: the properties a fault may have, written out by hand.
    const expected = ['at', 'crash', 'outage', 'partition', 'rollingUpgrade', 'runaway', 'compromise', 'rollout', 'for', 'each', 'surge', 'bad'];

    // Act
    const properties = Object.keys(faultSchema()['properties'] as object);

    // Assert
    expect(properties).toEqual(expected);
  });

  it('should name, in its description, every field that a kind cannot do without', () => {
    for (const kind of FAULT_KIND_NAMES) {
      const needed = Object.entries(FAULT_KINDS[kind].fields).filter(([, f]) => f.needed);
      const description = String(FAULT_KINDS[kind].schema['description']);
      for (const [name] of needed) expect(description, kind).toContain(`Needs \`${name}\``);
    }
  });
});
