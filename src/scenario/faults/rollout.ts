/** The rollout fault: a federated rollout of a version, good or bad, following spec.federation.rollout. */
import type { SimTime } from '../../kernel/index.js';
import { field, readBoolean } from '../_internals/read.js';
import type { FaultDefinition } from './FaultDefinition.js';

export interface RolloutFault {
  readonly kind: 'rollout';
  readonly at: SimTime;
  readonly version: string;
  readonly bad: boolean;
}

export const rollout: FaultDefinition<RolloutFault> = {
  schema: {
    title: 'a version string (quote numbers: "1.10") without control or bidirectional characters',
    description: 'A federated rollout of this version, following spec.federation.rollout. Needs spec.federation. Control characters and bidirectional controls would reach terminals and reports raw.',
    type: 'string',
    minLength: 1,
    pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2028\\u2029\\u2066-\\u2069]+$',
  },
  fields: {
    bad: {
      needed: false,
      schema: {
        description: 'rollout: whether the version is broken (health checks catch it after `detect`). Default false.',
        type: 'boolean',
        default: false,
      },
    },
  },
  read(r) {
    const version = r.text();
    const bad = readBoolean(r.p, field(r.obj, 'bad'), [...r.path, 'bad']) ?? false;
    const federated = r.targets.hasFederation;
    if (!federated) r.p.add(r.valuePath, 'a rollout fault needs spec.federation (the clusters it rolls out to), found none');
    return version !== undefined && r.at !== undefined && federated ? { kind: 'rollout', at: r.at, version, bad } : undefined;
  },
  describe: (f) => `rollout of version ${f.version}${f.bad ? ' (bad)' : ''}`,
  toldByItsEffect: false,
  // A bad version is down from its step until it is detected and rolled back.
  downSeconds: (f, s) => (f.bad && s.federation ? s.federation.rollout.detect + s.federation.rollout.rollback : 0),
};
