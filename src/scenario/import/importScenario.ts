/**
 * `kubesim import` without the I/O: the JSON of `kubectl get nodes -o json` (and optionally of
 * the kube-system pods) in, a commented scenario YAML out (docs/import.md).
 */
import { clusterFacts } from './clusterFacts.js';
import { readNodeList, readPodList } from './kubeList.js';
import { planImport } from './planImport.js';
import { renderPlan } from './renderPlan.js';

/** One input: its text and the name it goes by in messages (`-` for stdin). */
export interface ImportInput {
  readonly text: string;
  readonly file: string;
}

/** The default name of an imported scenario and its cluster: the nodes do not say what the cluster is called. */
export const IMPORTED_NAME = 'imported';

/**
 * The scenario YAML of a cluster. Throws a ScenarioError naming the file and the path inside it
 * for malformed JSON or a document that is not a node (or pod) list; every problem of the nodes
 * file is found before the pods file is read.
 */
export function importScenario(nodes: ImportInput, pods?: ImportInput, name = IMPORTED_NAME): string {
  const nodeList = readNodeList(nodes.text, nodes.file);
  const podList = pods === undefined ? undefined : readPodList(pods.text, pods.file);
  const facts = clusterFacts(nodeList, podList);
  const sources = { nodesFile: nodes.file, ...(pods === undefined ? {} : { podsFile: pods.file, pods: podList!.length }) };
  return renderPlan(planImport(facts, sources, name));
}
