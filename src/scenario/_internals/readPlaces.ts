/** Reads datacenters and failure domains: the places whose outages take hosts down together. */
import { checkComponentName } from '../components.js';
import { SCENARIO_DEFAULTS } from '../defaults.js';
import type { ClusterSpec, DatacenterSpec, FailureDomainSpec } from '../Scenario.js';
import { checkUnique, type NameSet } from './names.js';
import type { Path } from './Path.js';
import type { Problems } from './Problems.js';
import { readFailureProcess } from './readFailures.js';
import { field, need, readList, readObject, readString } from './read.js';
import { quoteName } from '../../kernel/quoteValue.js';

/** spec.datacenters; one datacenter `dc-1` when absent. */
export function readDatacenters(p: Problems, v: unknown, path: Path): { specs: DatacenterSpec[]; names: NameSet } {
  if (v === undefined) return { specs: [{ name: SCENARIO_DEFAULTS.datacenter }], names: { names: [SCENARIO_DEFAULTS.datacenter], complete: true } };
  const specs: DatacenterSpec[] = [];
  const declared: { name: string; path: Path }[] = [];
  let complete = true;
  readList(p, v, path).forEach((item, i) => {
    const at = [...path, i];
    const obj = readObject(p, item, at);
    const name = obj === undefined ? undefined : readString(p, need(p, obj, at, 'name'), [...at, 'name']);
    const outage = readFailureProcess(p, field(obj, 'outage'), [...at, 'outage']);
    if (name === undefined) {
      complete = false;
      return;
    }
    declared.push({ name, path: [...at, 'name'] });
    specs.push(outage === undefined ? { name } : { name, outage });
  });
  checkUnique(p, declared, 'datacenter');
  return { specs, names: { names: specs.map((d) => d.name), complete: complete && Array.isArray(v) } };
}

/** spec.failureDomains: names unique among datacenters and domains, members that exist. */
export function readFailureDomains(
  p: Problems,
  v: unknown,
  path: Path,
  datacenters: NameSet,
  clusters: ReadonlyMap<string, ClusterSpec>,
  clustersComplete: boolean,
): { specs: FailureDomainSpec[]; names: NameSet } {
  const specs: FailureDomainSpec[] = [];
  const declared: { name: string; path: Path }[] = [];
  let complete = true;
  readList(p, v, path).forEach((item, i) => {
    const at = [...path, i];
    const obj = readObject(p, item, at);
    const name = obj === undefined ? undefined : readString(p, need(p, obj, at, 'name'), [...at, 'name']);
    if (name !== undefined && datacenters.names.includes(name)) {
      p.add([...at, 'name'], `${quoteName(name)} is already a datacenter; an outage fault could not tell the two apart`);
    }
    const members: string[] = [];
    readList(p, obj === undefined ? undefined : need(p, obj, at, 'members'), [...at, 'members']).forEach((m, j) => {
      const member = readString(p, m, [...at, 'members', j]);
      if (member === undefined) return;
      const problem = checkComponentName(member, clusters);
      if (problem !== undefined && clustersComplete) p.add([...at, 'members', j], problem);
      if (problem === undefined && !members.includes(member)) members.push(member);
    });
    const outage = readFailureProcess(p, field(obj, 'outage'), [...at, 'outage']);
    if (name === undefined) {
      complete = false;
      return;
    }
    declared.push({ name, path: [...at, 'name'] });
    specs.push(outage === undefined ? { name, members } : { name, members, outage });
  });
  checkUnique(p, declared, 'failure domain');
  return { specs, names: { names: specs.map((d) => d.name), complete } };
}
