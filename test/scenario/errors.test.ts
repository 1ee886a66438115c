/** One case per kind of problem, with the exact message a user sees. */
import { describe, expect, it } from 'vitest';
import { ERROR_CASES as CASES, ONE_CLUSTER } from './errorCases.js';
import { HEAD, problemsOf, withSpec } from './fixtures.js';


describe('scenario problems', () => {
  for (const c of CASES) {
    it(`should report ${c.name}`, () => {
      expect(problemsOf(withSpec(c.spec))).toEqual(c.expected);
    });
  }

  it('should refuse control characters in the scenario name, which reaches terminals raw', () => {
    const text = (name: string) => `apiVersion: kubesim/v1\nkind: Scenario\nmetadata:\n  name: "${name}"\nspec:\n  ${ONE_CLUSTER.replace(/\n(?=.)/g, '\n  ')}`;
    // An escape sequence (ESC [ 31 m: red), a C1 control (U+009B, a one-byte CSI) and a right-to-left override.
    for (const name of ['demo\\u001b[31mred', 'demo\\u009b31mred', 'demo\\u202eoverride']) {
      const lines = problemsOf(text(name));
      expect(lines, name).toHaveLength(1);
      expect(lines[0]).toMatch(/^x\.yaml:4: metadata\.name: expected a name without control or bidirectional characters, found /);
    }
    expect(problemsOf(text('a name/with a slash is fine here'))).toEqual([]);
  });

  it('should accept JavaScript built-ins (constructor, __proto__) as cluster, tenant, datacenter and workload names', () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'prototype']) {
      const spec = `datacenters:\n  - name: ${name}\nclusters:\n  - { name: ${name}, model: multi-tenant, datacenters: [${name}], tenants: [{ name: ${name} }], workloads: [{ name: ${name}, tenant: ${name}, replicas: 1 }] }\n`;
      expect(problemsOf(withSpec(spec)), name).toEqual([]);
    }
  });

  it('should accept global as a datacenter or tenant name, only clusters refuse it', () => {
    const spec = 'datacenters:\n  - name: global\nclusters:\n  - { name: prod, model: multi-tenant, datacenters: [global], tenants: [{ name: global }] }\n';
    expect(problemsOf(withSpec(spec))).toEqual([]);
  });

  it('should report the wrong apiVersion and kind', () => {
    const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: t\nspec:\n  ${ONE_CLUSTER.replace(/\n(?=.)/g, '\n  ')}`;
    expect(problemsOf(text)).toEqual(['x.yaml:1: apiVersion: expected "kubesim/v1", found "v1"', 'x.yaml:2: kind: expected "Scenario", found "Pod"']);
  });

  it('should report missing top-level fields on the document', () => {
    expect(problemsOf('apiVersion: kubesim/v1\nkind: Scenario\n')).toEqual([
      "x.yaml:1: missing required field 'metadata' (an object)",
      "x.yaml:1: missing required field 'spec' (an object)",
    ]);
  });

  it('should report YAML syntax errors with their line', () => {
    expect(problemsOf(`${HEAD}  clusters:\n    - name: prod\n   model: x\n`)).toEqual([
      'x.yaml:8: invalid YAML at column 1: All mapping items must start at the same column',
    ]);
  });

  // Malformed files whose parser reports several errors, most caused by the first: one line each.
  const MALFORMED: readonly [string, string, string][] = [
    ['an unclosed flow list, then more keys', 'a: [1, 2\nb: {c: 1\nd: "x\n', 'x.yaml:2: invalid YAML at column 1: Flow sequence in block collection must be sufficiently indented and end with a ] (and 2 more)'],
    ['tabs as indentation', 'spec:\n\tclusters: []\n\tseed: 1\n', 'x.yaml:2: invalid YAML at column 1: Tabs are not allowed as indentation (and 1 more)'],
    ['an unclosed flow map at the end', `${HEAD}  clusters: [\n    { name: a, model: single-server\n`, 'x.yaml:8: invalid YAML at column 1: Flow map in block collection must be sufficiently indented and end with a } (and 1 more)'],
    ['a nested mapping on one line (one error only: no count)', 'key: value: other\n', 'x.yaml:1: invalid YAML at column 6: Nested mappings are not allowed in compact mappings'],
  ];
  it.each(MALFORMED)('should report only the first YAML error of %s, with its line and column and how many more', (_name, text, expected) => {
    // Act
    const lines = problemsOf(text);
    // Assert
    expect(lines).toEqual([expected]);
  });

  const BASE = `${HEAD}  clusters:\n    - &base { name: d, model: multi-master }\n`;
  const ALIASES: [string, string, string][] = [
    ['an alias to no anchor', `${HEAD}  horizon: *nosuch\n`, 'x.yaml:6: spec.horizon: invalid YAML: the alias *nosuch names no anchor set before it (expected &nosuch earlier in the file)'],
    ['a merge of an alias to no anchor', `${BASE}    - { <<: *nosuch, name: e }\n`, 'x.yaml:8: spec.clusters[1]: invalid YAML: <<: the alias *nosuch names no anchor set before it (expected &nosuch earlier in the file)'],
    ['a merge of a number', `${BASE}    - { <<: 5, name: e }\n`, 'x.yaml:8: spec.clusters[1]: invalid YAML: <<: expected a map, an alias of a map (*name), or a list of them to merge, found "5"'],
    ['a merge of a list holding a number', `${BASE}    - { <<: [*base, 7], name: e }\n`, 'x.yaml:8: spec.clusters[1]: invalid YAML: <<: expected a map, an alias of a map (*name), or a list of them to merge, found "7"'],
    ['a merge of an alias to a scalar', `${HEAD}  horizon: &h 30d\n  clusters:\n    - { <<: *h, name: e, model: multi-master }\n`, 'x.yaml:8: spec.clusters[0]: invalid YAML: <<: expected a map, an alias of a map (*name), or a list of them to merge, found the alias *h, which is not a map'],
  ];
  it.each(ALIASES)('should report %s with its line and path, naming the alias', (_name, text, expected) => {
    expect(problemsOf(text)).toEqual([expected]);
  });

  it('should accept a merge of an anchored map', () => {
    expect(problemsOf(`${BASE}    - { <<: *base, name: e }\n`).filter((l) => l.includes('YAML'))).toEqual([]);
  });

  it('should report a second YAML document', () => {
    expect(problemsOf(`${withSpec(ONE_CLUSTER)}---\na: 1\n`)).toEqual(["x.yaml:8: expected one YAML document, found a second one (after '---')"]);
  });

  it('should report an empty file and a document that is not a mapping', () => {
    expect(problemsOf('')).toEqual([
      'x.yaml: expected a kubesim scenario (an object with apiVersion, kind, metadata and spec), found null',
    ]);
    expect(problemsOf('- a\n- b\n')).toEqual([
      'x.yaml:1: expected a kubesim scenario (an object with apiVersion, kind, metadata and spec), found a list of 2 items',
    ]);
  });

  it('should call a binary file binary rather than print its bytes', () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x1b, 0x5b, 0x32, 0x4a]).toString('utf8');
    const lines = problemsOf(bytes, 'image.png');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^image\.png(:\d+)?: .*found binary data, not text$/);
    expect(lines[0]).not.toMatch(/[\u0000-\u001F\uFFFD]/);
  });

  it('should report several problems at once, in file order', () => {
    const spec = 'horizon: soon\nclusters:\n  - name: prod\n    model: multi-master\n    etcd: { members: 0 }\n    workers: { nodes: -1 }\nseed: x\n';
    expect(problemsOf(withSpec(spec)).map((l) => l.split(': ')[0])).toEqual(['x.yaml:6', 'x.yaml:10', 'x.yaml:11', 'x.yaml:12']);
  });

  it('should give lines for JSON too', () => {
    const json = JSON.stringify(
      { apiVersion: 'kubesim/v1', kind: 'Scenario', metadata: { name: 't' }, spec: { clusters: [{ name: 'prod', model: 'multi-master', workers: { nodes: 'many' } }] } },
      null,
      2,
    );
    expect(problemsOf(json, 'x.json')).toEqual(['x.json:13: spec.clusters[0].workers.nodes: expected a whole number from 0 to 5000, found "many"']);
  });
});
