/** Reading outage records: timestamps, CSV rows, periods from outages and from Prometheus samples, roles. */
import { describe, expect, it } from 'vitest';
import { csvRows } from '../../src/fit/records/csvRows.js';
import { outagePeriods } from '../../src/fit/records/outagePeriods.js';
import { isUnixSeconds, parseTimestamp } from '../../src/fit/records/parseTimestamp.js';
import { readCsv } from '../../src/fit/records/readCsv.js';
import { readPrometheus } from '../../src/fit/records/readPrometheus.js';
import type { RecordsByRole } from '../../src/fit/records/RoleRecords.js';
import { roleOf, roleOfComponent } from '../../src/fit/records/roles.js';

const fail = (line: number, problem: string): never => {
  throw new Error(`${line}: ${problem}`);
};

describe('parseTimestamp', () => {
  it.each([
    ['2025-01-01T00:00:00Z', 1735689600, 'UTC'],
    ['2025-01-01T02:00:00+02:00', 1735689600, 'an offset'],
    ['2025-01-01 00:00:00.5z', 1735689600.5, 'a space, a fraction and a lower-case z (RFC 3339 allows them)'],
    ['1735689600', 1735689600, 'Unix seconds'],
    ['1735689600.25', 1735689600.25, 'Unix seconds with a fraction'],
  ])('should read %s (%s)', (text, seconds) => {
    expect(parseTimestamp(text)).toBe(seconds);
  });

  it.each([
    ['2025-01-01T00:00:00', 'no offset: ambiguous'],
    ['2025-02-30T00:00:00Z', 'a day the month does not have'],
    ['2025-13-01T00:00:00Z', 'month 13'],
    ['yesterday', 'a word'],
    ['-5', 'a negative number'],
    ['1735689600000', 'Unix milliseconds'],
    ['', 'nothing'],
  ])('should refuse %j (%s)', (text) => {
    expect(parseTimestamp(text)).toBeUndefined();
  });
});

describe('csvRows', () => {
  it('should split quoted fields with commas, doubled quotes and newlines, keeping the line each row starts on', () => {
    const rows = csvRows('a,b\r\n# a comment\n"x, y","say ""hi""\nthere"\n\nlast,1\n', fail);
    expect(rows).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 3, fields: ['x, y', 'say "hi"\nthere'] },
      { line: 6, fields: ['last', '1'] },
    ]);
  });

  it('should report an unclosed quote at the line it opens', () => {
    expect(() => csvRows('a\n"open\nmore\n', fail)).toThrow(/^2: a quoted field is not closed/);
  });
});

describe('outagePeriods', () => {
  it('should make up periods between outages, censor the last one and an open outage, and leave out the one before the first outage', () => {
    const periods = outagePeriods(
      [
        { start: 10, end: 12, line: 2 },
        { start: 20, end: 25, line: 3 },
        { start: 90, end: undefined, line: 4 },
      ],
      [0, 100],
    );
    // [0, 10) began before the window at an unknown time (length-biased): left out.
    expect(periods.up).toEqual([
      { value: 8, censored: false },
      { value: 65, censored: false },
    ]);
    expect(periods.down).toEqual([
      { value: 2, censored: false },
      { value: 5, censored: false },
      { value: 10, censored: true },
    ]);
  });

  it('should cut outages at the window: one under way at its start is left out, one running past its end is censored', () => {
    const periods = outagePeriods(
      [
        { start: -50, end: -40, line: 2 },
        { start: -5, end: 5, line: 3 },
        { start: 50, end: 60, line: 4 },
        { start: 95, end: 120, line: 5 },
        { start: 130, end: 140, line: 6 },
      ],
      [0, 100],
    );
    expect(periods.down).toEqual([
      { value: 10, censored: false },
      { value: 5, censored: true },
    ]);
    expect(periods.up).toEqual([
      { value: 45, censored: false },
      { value: 35, censored: false },
    ]);
  });

  it('should censor the up period after the last outage at the end of the window', () => {
    expect(outagePeriods([{ start: 10, end: 12, line: 2 }], [0, 100]).up).toEqual([{ value: 88, censored: true }]);
  });
});

describe('readCsv', () => {
  it('should read component, start and duration, infer the window and take roles from the names', () => {
    const byRole: RecordsByRole = new Map();
    const text = 'component,start,duration,cause\nprod/etcd-1,100,10s,disk\nprod/etcd-1,200,5,disk\nprod/worker-3,150,1m,kernel\n';
    const s = readCsv(text, 'x.csv', new Map(), {}, byRole);
    expect(s).toEqual({ file: 'x.csv', format: 'csv', records: 3, window: [100, 210], windowFrom: 'records' });
    expect(byRole.get('etcd')!.up).toEqual([{ value: 90, censored: false }, { value: 5, censored: true }]);
    expect(byRole.get('worker')!.down).toEqual([{ value: 60, censored: false }]);
  });

  it('should keep an open outage open until the window end given', () => {
    const byRole: RecordsByRole = new Map();
    readCsv('role,start,end\netcd,100,\n', 'x.csv', new Map(), { start: 0, end: 400 }, byRole);
    expect(byRole.get('etcd')!.down).toEqual([{ value: 300, censored: true }]);
  });

  it('should refuse a row with more fields than the header, as it refuses one with fewer', () => {
    const read = (text: string) => () => readCsv(text, 'x.csv', new Map(), {}, new Map());
    expect(read('component,start,end\nprod/etcd-1,100,200,extra\n')).toThrow(/^x\.csv:2: expected 3 fields as in the header, found 4$/);
    expect(read('component,start,end\nprod/etcd-1,100\n')).toThrow(/^x\.csv:2: expected 3 fields as in the header, found 2$/);
  });

  it('should refuse a column given twice in the header (start,start, or two synonyms of component)', () => {
    const read = (text: string) => () => readCsv(text, 'x.csv', new Map(), {}, new Map());
    expect(read('component,start,start,end\nprod/etcd-1,100,150,200\n')).toThrow(/^x\.csv:1: the start column is given twice \(fields 2 and 3: "start" and "start"\): expected each column once$/);
    expect(read('host,node,start,end\nprod/etcd-1,prod/etcd-2,100,200\n')).toThrow(/^x\.csv:1: the component column is given twice \(fields 1 and 2: "host" and "node"\)/);
  });

  it('should refuse a role given two ways, naming the line', () => {
    const byRole: RecordsByRole = new Map();
    expect(() => readCsv('role,component,start,end\netcd,a,1,2\nworker,a,3,4\n', 'x.csv', new Map(), {}, byRole)).toThrow(/^x\.csv:3: component "a" is given role worker, but etcd/);
  });
});

describe('readPrometheus', () => {
  const series = (values: [number, string][], metric: Record<string, string> = { job: 'etcd', instance: 'a' }) =>
    JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: [{ metric, values }] } });

  it('should date each change at the first sample that shows it, leave out the first period and censor the last', () => {
    const byRole: RecordsByRole = new Map();
    // up 0..20, down 30..40, up 50..70 (step 10)
    const text = series([[0, '1'], [10, '1'], [20, '1'], [30, '0'], [40, '0'], [50, '1'], [60, '1'], [70, '1']]);
    const s = readPrometheus(text, 'p.json', new Map(), { roleLabel: 'job', componentLabel: 'instance' }, byRole);
    expect(s.window).toEqual([0, 70]);
    expect(byRole.get('etcd')!.down).toEqual([{ value: 20, censored: false }]);
    expect(byRole.get('etcd')!.up).toEqual([{ value: 20, censored: true }]);
  });

  it('should end periods censored at a gap in the samples and leave out the period after it', () => {
    const byRole: RecordsByRole = new Map();
    const text = series([[0, '1'], [10, '0'], [20, '0'], [30, '1'], [40, '1'], [200, '1'], [210, '0'], [220, '0'], [230, '1']]);
    readPrometheus(text, 'p.json', new Map(), { roleLabel: 'job', componentLabel: 'instance' }, byRole);
    // down 10..30 (complete), up 30..40 censored at the gap; after the gap, up 200..210 is left out, down 210..230 complete.
    expect(byRole.get('etcd')!.down).toEqual([{ value: 20, censored: false }, { value: 20, censored: false }]);
    expect(byRole.get('etcd')!.up).toEqual([{ value: 10, censored: true }]);
  });

  it('should keep only the samples inside --window-start/--window-end, and say one edge came from a flag', () => {
    const byRole: RecordsByRole = new Map();
    const text = series([[0, '0'], [10, '1'], [20, '0'], [30, '0'], [40, '1'], [50, '1'], [60, '0']]);
    const s = readPrometheus(text, 'p.json', new Map(), { roleLabel: 'job', componentLabel: 'instance' }, byRole, { start: 15 });
    // Samples 20..60: down 20..40 is left out (under way at the start), up 40..60 complete, down from 60 has no length.
    expect(s).toMatchObject({ window: [15, 60], windowFrom: 'flags and samples' });
    expect(byRole.get('etcd')!.up).toEqual([{ value: 20, censored: false }]);
    expect(byRole.get('etcd')!.down).toEqual([]);
  });

  it.each([
    [1e290, 'a time no date can print'],
    [1748736001000, 'Unix milliseconds'],
    [-5, 'a time before 1970'],
  ])('should refuse the timestamp %d (%s) with its path inside the file, as the CSV reader does', (t) => {
    const text = series([[0, '1'], [10, '0'], [20, '1'], [t, '0']]);
    expect(() => readPrometheus(text, 'p.json', new Map(), { roleLabel: 'job', componentLabel: 'instance' }, new Map())).toThrow(
      `p.json: data.result[0].values[3][0]: expected a time in Unix seconds (not milliseconds) from 0 to below 100000000000 (the year 5138), found ${t}`,
    );
    // One rule for both readers: the CSV reader refuses the same value.
    expect(parseTimestamp(String(t))).toBeUndefined();
    expect(isUnixSeconds(t)).toBe(false);
  });

  it.each([
    ['[1,2,3]', 'an array'],
    ['{}', 'an object without status'],
    ['null', '"null"'],
  ])('should refuse %s as not a range query, saying what it found (%s)', (text, what) => {
    expect(() => readPrometheus(text, 'p.json', new Map(), { roleLabel: 'job', componentLabel: 'instance' }, new Map())).toThrow(
      `p.json: expected the JSON object of a Prometheus range query, with status and data ({"status":"success","data":{...}}), found ${what}`,
    );
  });

  it('should take the role from another label and map names with --map', () => {
    const byRole: RecordsByRole = new Map();
    const text = series([[0, '1'], [10, '0'], [20, '1']], { node: 'gpu-7' });
    readPrometheus(text, 'p.json', new Map([['gpu-7', 'worker']]), { roleLabel: 'node', componentLabel: 'node' }, byRole);
    expect([...byRole.keys()]).toEqual(['worker']);
  });
});

describe('roles', () => {
  it('should know roles, usual job names and kubesim component names, case aside', () => {
    expect(roleOf('kube-apiserver', new Map())).toBe('controlPlane');
    expect(roleOf('ETCD', new Map())).toBe('etcd');
    expect(roleOf('constructor', new Map())).toBeUndefined();
    expect(roleOfComponent('prod/cp-2', new Map())).toBe('controlPlane');
    expect(roleOfComponent('prod/lb', new Map())).toBe('loadBalancer');
    expect(roleOfComponent('db-1', new Map([['db-1', 'worker']]))).toBe('worker');
  });
});
