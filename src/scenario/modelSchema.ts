/** The `model` field of a cluster in the JSON Schema, composed from the registry of deployment models. */
import { DEPLOYMENT_MODELS, MODEL_PRESETS } from './presets.js';

/** `definitions.cluster.properties.model` of schema/scenario.schema.json. */
export function modelSchema(): { description: string; type: 'string'; enum: string[] } {
  const list = DEPLOYMENT_MODELS.map((m) => `${m} (${MODEL_PRESETS[m].brief})`).join(', ');
  return { description: `The deployment model: ${list}.`, type: 'string', enum: [...DEPLOYMENT_MODELS] };
}

/** The schema file's text with its `model` field replaced by the registry's (see withFaultSchema). */
export function withModelSchema(text: string): string {
  const field = /\n        "model": \{\n[^}]*\n        \}/;
  if (!field.test(text)) throw new Error('schema/scenario.schema.json: no cluster model field to replace');
  const m = modelSchema();
  const lines = [
    `          "description": ${JSON.stringify(m.description)},`,
    `          "type": "string",`,
    `          "enum": [${m.enum.map((x) => JSON.stringify(x)).join(', ')}]`,
  ];
  return text.replace(field, () => `\n        "model": {\n${lines.join('\n')}\n        }`);
}
