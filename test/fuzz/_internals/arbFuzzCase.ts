/** Whole fuzz cases: one or two scenario files (YAML, JSON or raw text) and a command line with valid, odd or hostile flags. */
import fc from 'fast-check';
import { stringify } from 'yaml';
import type { FuzzCase, FuzzFile } from './FuzzCase.js';
import { arbEdgeDistributionsDoc, arbHostileDoc, arbHostileNamesDoc, arbNearValidDoc, arbValidDoc } from './arbDocument.js';
import { arbControlString, arbLongString } from './hostileValues.js';

/** Text that is not a document: random characters, bytes, deep brackets, alias bombs, a BOM. */
const arbText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.tuple(fc.constantFrom('[', '{"a":', '- ', '{a: '), fc.integer({ min: 100, max: 20_000 })).map(([open, n]) => open.repeat(n)),
  fc.constantFrom('', '\n', '\uFEFF', '---\n---\n', 'a: &a [1]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n', '!!js/function "f() {}"', 'a: !!binary AAAA'),
  arbControlString,
  arbLongString,
  // One mapping of thousands of keys, sometimes with a key repeated: the parser's own check of repeats was quadratic.
  fc.tuple(fc.integer({ min: 1000, max: 20_000 }), fc.boolean(), fc.boolean()).map(([n, repeat, json]) => {
    const keys = Array.from({ length: n }, (_, i) => `k${i}`).concat(repeat ? ['k7'] : []);
    return json ? `{"apiVersion": "kubesim/v1", "spec": {${keys.map((k) => `"${k}": 1`).join(', ')}}}` : `apiVersion: kubesim/v1\nspec:\n${keys.map((k) => `  ${k}: 1\n`).join('')}`;
  }),
);

/** A document as a file: YAML or JSON (sometimes under the other's extension). */
function serialize(doc: unknown, format: 'yaml' | 'json', name: string): FuzzFile {
  let content: string;
  try {
    content = format === 'json' ? (JSON.stringify(doc, null, 2) ?? 'null') : stringify(doc, { aliasDuplicateObjects: false });
  } catch {
    // Too deep for the serializer: nested brackets as deep are just as hostile.
    content = `${'['.repeat(3000)}1${']'.repeat(3000)}`;
  }
  return { name, kind: 'file', content };
}

const arbFormat = fc.constantFrom<'yaml' | 'json'>('yaml', 'yaml', 'json');

/** A scenario file of a family; the family decides how far from valid it is. */
const arbScenarioFile = (name: string) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.tuple(fc.constant('valid'), arbValidDoc, arbFormat) },
    { weight: 3, arbitrary: fc.tuple(fc.constant('names'), arbHostileNamesDoc, arbFormat) },
    { weight: 2, arbitrary: fc.tuple(fc.constant('distributions'), arbEdgeDistributionsDoc, arbFormat) },
    { weight: 5, arbitrary: fc.tuple(fc.constant('near-valid'), arbNearValidDoc, arbFormat) },
    { weight: 2, arbitrary: fc.tuple(fc.constant('hostile'), arbHostileDoc, arbFormat) },
    { weight: 1, arbitrary: fc.tuple(fc.constant('text'), arbText, fc.constant('yaml' as const)) },
  ).map(([family, doc, format]) => ({
    family,
    file: family === 'text' ? { name, kind: 'file' as const, content: doc as string } : serialize(doc, format, `${name}.${format}`),
  }));

/** A flag's values: valid (and small, so runs stay short), odd and hostile. */
const FLAG_VALUES: Record<string, readonly string[]> = {
  '--seed': ['0', '1', '42', '2147483647', '-1', '2147483648', '9007199254740993', '1.5', 'abc', '', ' 7', '0x10', '1e3'],
  '--replications': ['1', '2', '0', '-3', 'abc', '1.0', '1000001', ''],
  '--horizon': ['1h', '6h', '1d', '0s', '-1h', 'abc', '1e400s', '1e-320s', '', '5e-324s', '1h\u001b[31m'],
  '--jobs': ['1', '0', '-1', 'abc', '257', '1.5'],
  '--replication': ['0', '1', '-1', '99', 'x', '1.5'],
  '--from': ['0s', '1h', '-1h', 'x', '2d'],
  '--to': ['2h', '1d', '0s', 'x', '1e400s'],
  '--width': ['20', '80', '0', '-5', 'x', '100000'],
  '--shard': ['1/2', '0/1', '2/1', 'a/b', '1/0', ''],
  '--route': ['auto', 'enumeration', 'ctmc', 'x', ''],
  // Output paths: empty, a name longer than a file name may be, one with no room for its temporary sibling.
  '--out': ['out', 'out', '', 'y'.repeat(300), 'y'.repeat(240), `out/${'é'.repeat(120)}`],
};

const arbFlag = (names: readonly string[]) =>
  fc.tuple(fc.constantFrom(...names), fc.nat(), fc.option(fc.oneof(arbControlString, arbLongString), { freq: 8 })).map(([flag, i, odd]) => {
    const values = FLAG_VALUES[flag]!;
    return [flag, odd ?? values[i % values.length]!];
  });

/** A command line over the case's files, always with an output that stays in the case's folder. */
const arbCommand = fc.oneof(
  { weight: 6, arbitrary: fc.constant((files: string[]) => ['validate', ...files]) },
  {
    weight: 5,
    arbitrary: fc.tuple(fc.constantFrom('--json', '--no-report'), fc.array(arbFlag(['--seed', '--replications', '--horizon', '--jobs']), { maxLength: 2 })).map(
      ([mode, flags]) => (files: string[]) => ['run', files[0]!, mode, '--jobs', '1', ...flags.flat()],
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.boolean(), arbFlag(['--shard']), fc.nat().map((i) => FLAG_VALUES['--out']![i % FLAG_VALUES['--out']!.length]!))
      .map(([json, shard, out]) => (files: string[]) => ['run', files[0]!, '--jobs', '1', '--out', out, ...(json ? ['--json'] : []), ...shard]),
  },
  {
    weight: 2,
    arbitrary: fc.array(arbFlag(['--replication', '--seed', '--from', '--to', '--width']), { maxLength: 2 }).map((flags) => (files: string[]) => ['explain', files[0]!, '--json', ...flags.flat()]),
  },
  { weight: 1, arbitrary: fc.constant((files: string[]) => ['explain', files[0]!, '--ascii', '--width', '60']) },
  { weight: 1, arbitrary: fc.constant((files: string[]) => ['compare', ...files, '--json', '--no-report', '--jobs', '1']) },
  {
    weight: 1,
    arbitrary: arbFlag(['--route']).map((route) => (files: string[]) => ['analytic', files[0]!, '--json', '--replications', '1', '--jobs', '1', ...route]),
  },
  { weight: 1, arbitrary: fc.constant((files: string[]) => ['run', files[0]!, '--no-report', '--jobs', '1', '--bogus-flag']) },
);

/** Extra paths that are not scenario files: missing, a folder. */
const arbOddPath = fc.constantFrom<FuzzFile | undefined>(undefined, undefined, undefined, undefined, { name: 'folder.yaml', kind: 'dir', content: '' }, { name: 'missing.yaml', kind: 'dir', content: '' });

/** A fuzz case. `viaCliOneIn`: about one case in that many goes through the real CLI. */
export function arbFuzzCase(viaCliOneIn: number): fc.Arbitrary<FuzzCase> {
  return fc
    .record({
      first: arbScenarioFile('a'),
      second: arbScenarioFile('b'),
      odd: arbOddPath,
      command: arbCommand,
      viaCli: fc.integer({ min: 1, max: viaCliOneIn }).map((k) => k === 1),
      repeat: fc.integer({ min: 1, max: 4 }).map((k) => k === 1),
    })
    .map(({ first, second, odd, command, viaCli, repeat }) => {
      const files: FuzzFile[] = [first.file, second.file];
      let names = [first.file.name, second.file.name];
      if (odd) {
        // A folder in place of the first file, or a name that does not exist.
        if (odd.name === 'folder.yaml') files.push(odd);
        names = [odd.name, names[1]!];
      }
      // A NUL cannot be passed in a real argument vector (no shell can type it).
      const args = command(names).map((a) => (viaCli ? a.replaceAll('\u0000', '') : a));
      // validate and compare take every file; the other commands the first.
      const family = odd ? `path:${odd.name}` : first.family;
      return { files, args, viaCli, repeat, family };
    });
}
