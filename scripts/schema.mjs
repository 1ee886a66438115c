// Writes the generated parts of schema/scenario.schema.json (faults, a cluster's model) from the registries; run after `npm run build`.
import { readFileSync, writeFileSync } from 'node:fs';
import { withFaultSchema, withModelSchema } from '../dist/scenario/index.js';

const file = new URL('../schema/scenario.schema.json', import.meta.url);
const before = readFileSync(file, 'utf8');
const after = withModelSchema(withFaultSchema(before));
if (after === before) {
  console.log('schema/scenario.schema.json is up to date');
} else {
  writeFileSync(file, after);
  console.log('schema/scenario.schema.json: fault kinds and models rewritten from the registries');
}
