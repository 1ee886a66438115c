/** Reads scripted faults: one kind each, its own fields, a target that exists, a time within the horizon. */
import { formatDuration } from '../../kernel/index.js';
import type { FaultReading } from '../faults/FaultDefinition.js';
import { FAULT_KIND_NAMES, FAULT_KINDS, type Fault } from '../faults/faultKinds.js';
import type { FaultTargets } from '../faults/FaultTargets.js';
import { describeValue } from './describe.js';
import type { Path } from './Path.js';
import type { Problems } from './Problems.js';
import { field, need, readDuration, readList, readObject, readString } from './read.js';
import { quoteName } from '../../kernel/quoteValue.js';

export type { FaultTargets } from '../faults/FaultTargets.js';

/** Every field some kind takes besides `at` and its own key, in registry order (`for`, `each`...). */
const EXTRAS = [...new Set(FAULT_KIND_NAMES.flatMap((k) => Object.keys(FAULT_KINDS[k].fields)))];

export function readFaults(p: Problems, v: unknown, path: Path, targets: FaultTargets): Fault[] {
  const faults: Fault[] = [];
  const named = new Map<string, number>();
  readList(p, v, path).forEach((item, i) => {
    const fault = readFault(p, item, [...path, i], targets);
    if (fault === undefined) return;
    faults.push(fault);
    if (fault.name === undefined) return;
    const first = named.get(fault.name);
    if (first === undefined) named.set(fault.name, i);
    else p.add([...path, i, 'name'], `expected a name no other fault has, found ${quoteName(fault.name)} (also the name of faults[${first}])`);
  });
  return faults;
}

function readFault(p: Problems, v: unknown, path: Path, t: FaultTargets): Fault | undefined {
  const obj = readObject(p, v, path);
  if (obj === undefined) return undefined;
  const at = readDuration(p, need(p, obj, path, 'at'), [...path, 'at']);
  if (at !== undefined && at >= t.horizon) {
    p.add([...path, 'at'], `expected a time before the horizon (${formatDuration(t.horizon)}), found ${describeValue(field(obj, 'at'))}`);
  }
  const kinds = FAULT_KIND_NAMES.filter((k) => Object.hasOwn(obj, k));
  if (kinds.length !== 1) {
    const found = kinds.length === 0 ? 'none' : `${kinds.join(' and ')}; split it into one fault per kind`;
    p.add(path, `expected exactly one of ${FAULT_KIND_NAMES.join(', ')} in a fault, found ${found}`);
    return undefined;
  }
  const kind = kinds[0]!;
  const fields = FAULT_KINDS[kind].fields;
  for (const extra of EXTRAS) {
    if (Object.hasOwn(obj, extra) && !Object.hasOwn(fields, extra)) {
      const users = FAULT_KIND_NAMES.filter((k) => Object.hasOwn(FAULT_KINDS[k].fields, extra));
      p.add([...path, extra], `${quoteName(extra)} does not apply to a ${kind} fault (it applies to ${users.join(', ')})`);
    }
  }
  const valuePath = [...path, kind];
  const reading: FaultReading = {
    p,
    obj,
    path,
    targets: t,
    at,
    value: field(obj, kind),
    valuePath,
    text: () => readString(p, field(obj, kind), valuePath),
    duration: () => readDuration(p, need(p, obj, path, 'for'), [...path, 'for'], true),
    ok: (name, problem): name is string => {
      if (name === undefined) return false;
      if (problem !== undefined && t.clustersComplete) p.add(valuePath, problem);
      return problem === undefined;
    },
  };
  const fault = FAULT_KINDS[kind].read(reading);
  const name = Object.hasOwn(obj, 'name') ? readString(p, field(obj, 'name'), [...path, 'name']) : undefined;
  return fault === undefined || name === undefined ? fault : { ...fault, name };
}
