/** Reads the items of `kubectl get nodes|pods -o json` into the few fields the import uses, refusing anything else by path. */
import { ScenarioError } from '../ScenarioError.js';
import { parseJsonText } from './jsonText.js';

/** What the import reads of a Node. */
export interface KubeNode {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  /** `spec.providerID` (`aws:///us-east-1a/i-0abc`, `gce://project/zone/name`, `azure:///subscriptions/...`), when set. */
  readonly providerID?: string;
}

/** What the import reads of a Pod. */
export interface KubePod {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  /** `spec.nodeName`: the node it was scheduled to (a static pod's own node). */
  readonly nodeName?: string;
}

type Kind = 'Node' | 'Pod';

/** What each kind is the output of, for messages that tell the user which command to run. */
const COMMAND: Record<Kind, string> = {
  Node: 'kubectl get nodes -o json',
  Pod: 'kubectl get pods -n kube-system -o json',
};

/** The nodes of a `kubectl get nodes -o json` text (a v1 List or a NodeList; a single Node is a list of one). */
export function readNodeList(text: string, file: string): KubeNode[] {
  return readList(text, file, 'Node').map(({ at, value, name, labels }) => {
    const providerID = field(value, 'spec', 'providerID');
    if (providerID !== undefined && typeof providerID !== 'string') fail(file, `${at}.spec.providerID`, `expected a string, found ${typeOf(providerID)}`);
    return { name, labels, ...(typeof providerID === 'string' ? { providerID } : {}) };
  });
}

/** The pods of a `kubectl get pods -o json` text; an empty list is fine (no static pods seen). */
export function readPodList(text: string, file: string): KubePod[] {
  return readList(text, file, 'Pod').map(({ at, value, name, labels }) => {
    const nodeName = field(value, 'spec', 'nodeName');
    if (nodeName !== undefined && typeof nodeName !== 'string') fail(file, `${at}.spec.nodeName`, `expected a string, found ${typeOf(nodeName)}`);
    return { name, labels, ...(typeof nodeName === 'string' ? { nodeName } : {}) };
  });
}

interface Item {
  readonly at: string;
  readonly value: Record<string, unknown>;
  readonly name: string;
  readonly labels: Record<string, string>;
}

function readList(text: string, file: string, kind: Kind): Item[] {
  const doc = parseJsonText(text, file);
  if (!isObject(doc)) return fail(file, '', `expected the JSON object that \`${COMMAND[kind]}\` prints, found ${typeOf(doc)}`);
  const docKind = doc['kind'];
  if (docKind === 'Status') {
    const said = typeof doc['message'] === 'string' ? `: ${doc['message']}` : '';
    return fail(file, 'kind', `is a Status, an error from the API server${said}; expected the output of \`${COMMAND[kind]}\``);
  }
  if (docKind === kind) return [item(file, '', doc, kind)];
  if (docKind !== 'List' && docKind !== `${kind}List`) {
    return fail(file, 'kind', `expected List or ${kind}List (the output of \`${COMMAND[kind]}\`), found ${docKind === undefined ? 'no kind' : show(docKind)}`);
  }
  const items = doc['items'];
  if (!Array.isArray(items)) return fail(file, 'items', `expected a list of ${kind} objects, found ${typeOf(items)}`);
  if (kind === 'Node' && items.length === 0) return fail(file, 'items', 'the list holds no nodes: nothing to import');
  return items.map((v: unknown, i) => item(file, `items[${i}]`, v, kind));
}

function item(file: string, at: string, value: unknown, kind: Kind): Item {
  const path = (p: string) => (at === '' ? p : `${at}.${p}`);
  if (!isObject(value)) return fail(file, at, `expected a ${kind} object, found ${typeOf(value)}`);
  // kubectl writes the kind of every item of a v1 List; a NodeList from the API may leave it out.
  const itemKind = value['kind'];
  if (itemKind !== undefined && itemKind !== kind) {
    const hint = itemKind === 'Pod' || itemKind === 'Node' ? `: this is the output of \`${COMMAND[itemKind]}\`, not of \`${COMMAND[kind]}\`` : '';
    return fail(file, path('kind'), `expected ${kind}, found ${show(itemKind)}${hint}`);
  }
  const name = field(value, 'metadata', 'name');
  if (typeof name !== 'string' || name === '') return fail(file, path('metadata.name'), `expected the ${kind}'s name, found ${typeOf(name)}`);
  const rawLabels = field(value, 'metadata', 'labels') ?? {};
  if (!isObject(rawLabels)) return fail(file, path('metadata.labels'), `expected an object of labels, found ${typeOf(rawLabels)}`);
  const labels: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [k, v] of Object.entries(rawLabels)) {
    if (typeof v !== 'string') return fail(file, `${path('metadata.labels')}[${JSON.stringify(k)}]`, `expected a string, found ${typeOf(v)}`);
    labels[k] = v;
  }
  return { at: at === '' ? kind : at, value, name, labels };
}

function field(value: Record<string, unknown>, outer: string, inner: string): unknown {
  const o = value[outer];
  return isObject(o) ? o[inner] : undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function typeOf(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${show(v)}`;
}

function show(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function fail(file: string, path: string, message: string): never {
  throw new ScenarioError([{ file, path, message }]);
}
