/** Reading kubectl's JSON: what is accepted, and every refusal with its file, line or path. */
import { describe, expect, it } from 'vitest';
import { ScenarioError, formatProblem } from '../../../src/scenario/index.js';
import { readNodeList, readPodList } from '../../../src/scenario/import/kubeList.js';

function problem(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof ScenarioError) return e.problems.map(formatProblem).join('\n');
    throw e;
  }
  throw new Error('expected a ScenarioError');
}

describe('readNodeList', () => {
  it('should read a v1 List, a NodeList (items without kind) and a single Node', () => {
    const node = { metadata: { name: 'n1', labels: { a: 'b' } }, spec: { providerID: 'gce://p/z/n1' } };
    expect(readNodeList(JSON.stringify({ kind: 'List', items: [{ kind: 'Node', ...node }] }), 'f')).toEqual([{ name: 'n1', labels: { a: 'b' }, providerID: 'gce://p/z/n1' }]);
    expect(readNodeList(JSON.stringify({ kind: 'NodeList', items: [node] }), 'f')).toHaveLength(1);
    expect(readNodeList(JSON.stringify({ kind: 'Node', ...node }), 'f')[0]!.name).toBe('n1');
  });

  // Each row: the input, and the one line it is refused with (why in the name).
  const ROWS: [string, string, string][] = [
    ['malformed JSON: line and column of the fault', '{\n  "kind": "List",\n  "items": [1,]\n}', 'f:3: malformed JSON at line 3, column 15: Unexpected token \']\', ..."items": [1,]\n}" is not valid JSON'],
    ['cut short: placed at the end', '{"kind": "List"', 'f:1: malformed JSON at line 1, column 16: Expected \',\' or \'}\' after property value'],
    ['a Status: the API server\'s message', '{"kind":"Status","message":"Unauthorized"}', 'f: kind: is a Status, an error from the API server: Unauthorized; expected the output of `kubectl get nodes -o json`'],
    ['no kind at all', '{"items":[]}', 'f: kind: expected List or NodeList (the output of `kubectl get nodes -o json`), found no kind'],
    ['another list', '{"kind":"DeploymentList","items":[]}', 'f: kind: expected List or NodeList (the output of `kubectl get nodes -o json`), found "DeploymentList"'],
    ['items not a list', '{"kind":"List","items":{}}', 'f: items: expected a list of Node objects, found an object'],
    ['labels not strings', '{"kind":"List","items":[{"kind":"Node","metadata":{"name":"n","labels":{"x":1}}}]}', 'f: items[0].metadata.labels["x"]: expected a string, found number 1'],
    ['providerID not a string', '{"kind":"List","items":[{"kind":"Node","metadata":{"name":"n"},"spec":{"providerID":7}}]}', 'f: items[0].spec.providerID: expected a string, found number 7'],
  ];
  for (const [why, text, line] of ROWS) {
    it(`should refuse ${why}`, () => {
      const got = problem(() => readNodeList(text, 'f'));
      // V8's wording of JSON.parse errors changes between versions: the place is what is pinned.
      if (line.includes('malformed JSON')) expect(got.startsWith(line.split(': ').slice(0, 2).join(': '))).toBe(true);
      else expect(got).toBe(line);
    });
  }
});

describe('readPodList', () => {
  it('should accept an empty pod list and read each pod\'s node', () => {
    expect(readPodList('{"kind":"List","items":[]}', 'p')).toEqual([]);
    expect(readPodList('{"kind":"PodList","items":[{"metadata":{"name":"etcd-a","labels":{"component":"etcd"}},"spec":{"nodeName":"a"}}]}', 'p')).toEqual([{ name: 'etcd-a', labels: { component: 'etcd' }, nodeName: 'a' }]);
  });

  it('should refuse a node list given as PODS, naming the command that printed it', () => {
    expect(problem(() => readPodList('{"kind":"List","items":[{"kind":"Node","metadata":{"name":"n"}}]}', 'p'))).toBe(
      'p: items[0].kind: expected Pod, found "Node": this is the output of `kubectl get nodes -o json`, not of `kubectl get pods -n kube-system -o json`',
    );
  });
});
