/** Validates a raw scenario document (parsed YAML or JSON) into a typed Scenario, or throws every problem. */
import { checkStructure } from './_internals/checkStructure.js';
import { describeValue } from './_internals/describe.js';
import { locatorOf } from './_internals/locate.js';
import { checkUnique, type NameSet } from './_internals/names.js';
import type { Path } from './_internals/Path.js';
import { Problems } from './_internals/Problems.js';
import { readCluster } from './_internals/readCluster.js';
import { readRoleFailures } from './_internals/readFailures.js';
import { readFaults } from './_internals/readFaults.js';
import { readDatacenters, readFailureDomains } from './_internals/readPlaces.js';
import { readLesson } from './_internals/readLesson.js';
import { readCost, readEtcdLoad, readFederation, readKubernetes, readManagement, readRaft } from './_internals/readSettings.js';
import { field, isRawObject, need, readDuration, readInteger, readList, readString, type RawObject } from './_internals/read.js';
import { MAX_REPLICATIONS, SCENARIO_DEFAULTS } from './defaults.js';
import { scenarioNameProblem } from './scenarioName.js';
import { DEPLOYMENT_MODELS, MODEL_PRESETS } from './presets.js';
import type { ClusterSpec, Scenario } from './Scenario.js';
import type { Lesson } from './Lesson.js';
import type { SimTime } from '../kernel/index.js';
import { quoteName } from '../kernel/quoteValue.js';

/**
 * Checks the structure against the JSON Schema, then the rules that span fields (references,
 * model presets, uniqueness, timings), and fills in defaults. Every problem found is reported
 * in one ScenarioError. `file` names the source in messages; lines are known when `raw` came
 * from parseScenarioDocument (or setPath on such a document).
 */
export function scenarioFromRaw(raw: unknown, file: string): Scenario {
  const p = new Problems(file, locatorOf(raw));
  checkStructure(raw, p);
  if (!isRawObject(raw)) {
    p.invalid([], `expected a kubesim scenario (an object with apiVersion, kind, metadata and spec), found ${describeValue(raw)}`);
    p.throwIfAny();
  }
  const scenario = build(p, raw as RawObject, file);
  p.throwIfAny();
  return scenario;
}

function build(p: Problems, raw: RawObject, file: string): Scenario {
  const metadata = field(raw, 'metadata');
  const name = readString(p, need(p, metadata, ['metadata'], 'name'), ['metadata', 'name']) ?? '';
  const tooLong = scenarioNameProblem(name);
  if (tooLong !== undefined) p.invalid(['metadata', 'name'], tooLong);
  const description = field(metadata, 'description');
  const S: Path = ['spec'];
  const spec = need(p, raw, [], 'spec');
  const horizon = readDuration(p, field(spec, 'horizon'), [...S, 'horizon'], true) ?? SCENARIO_DEFAULTS.horizon;
  const dcs = readDatacenters(p, field(spec, 'datacenters'), [...S, 'datacenters']);

  const entries: { cluster: ClusterSpec; path: Path }[] = [];
  let clustersComplete = true;
  readList(p, need(p, spec, S, 'clusters'), [...S, 'clusters']).forEach((item, i) => {
    const cluster = readCluster(p, item, [...S, 'clusters', i], dcs.names);
    if (cluster === undefined || cluster.name === '') clustersComplete = false;
    else entries.push({ cluster, path: [...S, 'clusters', i] });
  });
  const clusters = entries.map((e) => e.cluster);
  checkUnique(p, entries.map((e) => ({ name: e.cluster.name, path: [...e.path, 'name'] })), 'cluster');
  const byName = new Map(clusters.map((c) => [c.name, c] as const));
  const clusterNames: NameSet = { names: [...byName.keys()], complete: clustersComplete };

  const domains = readFailureDomains(p, field(spec, 'failureDomains'), [...S, 'failureDomains'], dcs.names, byName, clustersComplete);
  const management = readManagement(p, field(spec, 'management'), [...S, 'management'], clusterNames);
  const federation = readFederation(p, field(spec, 'federation'), [...S, 'federation'], clusterNames);
  checkModels(p, entries, field(spec, 'federation') !== undefined);

  return {
    name,
    description: typeof description === 'string' ? description : '',
    file,
    horizon,
    replications: readInteger(p, field(spec, 'replications'), [...S, 'replications'], 1, MAX_REPLICATIONS) ?? SCENARIO_DEFAULTS.replications,
    seed: readInteger(p, field(spec, 'seed'), [...S, 'seed'], 0) ?? SCENARIO_DEFAULTS.seed,
    datacenters: dcs.specs,
    failureDomains: domains.specs,
    failures: readRoleFailures(p, field(spec, 'failures'), [...S, 'failures']),
    clusters,
    faults: readFaults(p, field(spec, 'faults'), [...S, 'faults'], {
      horizon,
      clusters: byName,
      clustersComplete,
      datacenters: dcs.names,
      failureDomains: domains.names,
      hasFederation: federation !== undefined,
    }),
    raft: readRaft(p, field(spec, 'raft'), [...S, 'raft']),
    kubernetes: readKubernetes(p, field(spec, 'kubernetes'), [...S, 'kubernetes']),
    etcdLoad: readEtcdLoad(p, field(spec, 'etcdLoad'), [...S, 'etcdLoad']),
    ...(management === undefined ? {} : { management }),
    ...(federation === undefined ? {} : { federation }),
    cost: readCost(p, field(spec, 'cost'), [...S, 'cost']),
    ...lessonOf(p, field(raw, 'lesson'), horizon, clusters),
  };
}

/** The optional `lesson:` block, for the quorum lab; absent from the scenario when the file has none. */
function lessonOf(p: Problems, raw: unknown, horizon: SimTime, clusters: readonly ClusterSpec[]): { lesson?: Lesson } {
  if (raw === undefined) return {};
  const lesson = readLesson(p, raw, ['lesson'], horizon, clusters.map((c) => c.name));
  return lesson === undefined ? {} : { lesson };
}

/** Rules of the models that involve several clusters. */
function checkModels(p: Problems, clusters: readonly { cluster: ClusterSpec; path: Path }[], hasFederation: boolean): void {
  for (const model of DEPLOYMENT_MODELS) {
    const least = MODEL_PRESETS[model].minClusters;
    const first = clusters.find((e) => e.cluster.model === model);
    if (first !== undefined && clusters.length < least) {
      p.add([...first.path, 'model'], `a ${model} deployment needs at least ${least} clusters in spec.clusters, found ${clusters.length}`);
    }
  }
  const federated = clusters.find((e) => MODEL_PRESETS[e.cluster.model].needsFederation);
  if (federated !== undefined && !hasFederation) {
    p.add(
      [...federated.path, 'model'],
      `cluster ${quoteName(federated.cluster.name)} has model ${federated.cluster.model}, which needs spec.federation (hostCluster, members, rollout), found none`,
    );
  }
  if (federated === undefined && hasFederation) {
    const models = DEPLOYMENT_MODELS.filter((m) => MODEL_PRESETS[m].needsFederation);
    p.add(['spec', 'federation'], `spec.federation is set but no cluster has model ${models.join(' or ')}`);
  }
}
