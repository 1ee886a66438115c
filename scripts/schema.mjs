// Writes the fault parts of schema/scenario.schema.json from the registry of fault kinds (src/scenario/faults/); run after `npm run build`.
import { readFileSync, writeFileSync } from 'node:fs';
import { withFaultSchema } from '../dist/scenario/index.js';

const file = new URL('../schema/scenario.schema.json', import.meta.url);
const before = readFileSync(file, 'utf8');
const after = withFaultSchema(before);
if (after === before) {
  console.log('schema/scenario.schema.json is up to date');
} else {
  writeFileSync(file, after);
  console.log('schema/scenario.schema.json: fault parts rewritten from the registry');
}
