import { describe, expect, it } from 'vitest';
import type { ReplicationRow } from '../../src/experiment/Summary.js';
import { csvField, renderCompareCsv, renderCsv } from '../../src/report/renderCsv.js';
import { rows } from './fixtures.js';
import { replicationRows } from '../../src/experiment/aggregate.js';

describe('renderCsv', () => {
  // Two hand-written rows: full precision, an exponent, and no outage (null longest, as the JSON writes it: an empty field, not 0).
  const handRows: ReplicationRow[] = [
    { replication: 1, cluster: 'prod', signal: 'etcdQuorum', availability: 0.9999876543210123, upSeconds: 31535610.5, downSeconds: 389.5, outages: 2, longestOutageSeconds: 300.25 },
    { replication: 2, cluster: 'prod', signal: 'apiWrite', availability: 1, upSeconds: 31536000, downSeconds: 1.5e-7, outages: 0, longestOutageSeconds: null },
  ];

  it('should write a header and one line per replication and signal, numbers as JSON writes them', () => {
    expect(renderCsv(handRows)).toBe(
      'replication,cluster,signal,availability,upSeconds,downSeconds,outages,longestOutageSeconds\n' +
        '1,prod,etcdQuorum,0.9999876543210123,31535610.5,389.5,2,300.25\n' +
        '2,prod,apiWrite,1,31536000,1.5e-7,0,\n',
    );
  });

  it('should lead each row of a comparison with its scenario label, quoted when it holds a comma', () => {
    expect(renderCompareCsv([{ label: 'three, stacked', rows: [handRows[0]!] }, { label: 'five', rows: [handRows[1]!] }])).toBe(
      'scenario,replication,cluster,signal,availability,upSeconds,downSeconds,outages,longestOutageSeconds\n' +
        '"three, stacked",1,prod,etcdQuorum,0.9999876543210123,31535610.5,389.5,2,300.25\n' +
        'five,2,prod,apiWrite,1,31536000,1.5e-7,0,\n',
    );
  });

  it.each<[string | number | null, string, string]>([
    ['plain', 'plain', 'nothing to quote'],
    ['a,b', '"a,b"', 'a comma'],
    ['say "hi"', '"say ""hi"""', 'quotes are doubled'],
    ['two\nlines', '"two\nlines"', 'a newline'],
    ['cr\r', '"cr\r"', 'a carriage return'],
    [0.1, '0.1', 'a number'],
    [NaN, '', 'no number'],
    [null, '', 'null, as JSON writes a missing value'],
  ])('csvField(%j) = %j (%s)', (v, expected) => expect(csvField(v)).toBe(expected));

  it('should quote a cluster name with a comma and a quote, keeping the columns', () => {
    const csv = renderCsv([{ ...rows[0]!, cluster: 'a,"b"' }]);
    expect(csv.split('\n')[1]).toMatch(/^1,"a,""b""",etcdQuorum,/);
  });
});

describe('csvField against spreadsheet formulas', () => {
  it('should neutralise text that a spreadsheet would run as a formula, and leave numbers alone', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-1.5)).toBe('-1.5');
    expect(csvField('prod')).toBe('prod');
  });
});

describe('csvField neutralises each leading formula character (OWASP, "CSV Injection")', () => {
  // Expected cells written by hand: an apostrophe before the text, then RFC 4180 quoting if needed.
  it.each<[string, string, string]>([
    ['=1+2', "'=1+2", 'equals starts a formula'],
    ['+SUM(A1:A9)', "'+SUM(A1:A9)", 'plus starts a formula'],
    ['-2+3', "'-2+3", 'minus starts a formula (text, not a number)'],
    ['@SUM(A1)', "'@SUM(A1)", 'at sign starts a function in some spreadsheets'],
    ['\t=1+2', "'\t=1+2", 'a tab hides a formula behind white space; a tab needs no quotes'],
    ['\r=1+2', `"'\r=1+2"`, 'a carriage return hides a formula and needs quotes'],
    ['=cmd|"/c calc"!A0', `"'=cmd|""/c calc""!A0"`, 'neutralised first, then quoted with quotes doubled'],
  ])('csvField(%j) = %j (%s)', (v, expected) => expect(csvField(v)).toBe(expected));

  it.each<[string | number | null, string, string]>([
    ['a=b', 'a=b', 'a formula character inside the text is harmless'],
    ['prod-east', 'prod-east', 'a dash inside a name'],
    ['', '', 'an empty name'],
    [-1.5, '-1.5', 'a negative number stays a number'],
    [-0, '0', 'negative zero is written as JSON writes it'],
    [1e-7, '1e-7', 'a tiny number keeps its exponent'],
    [-Infinity, '', 'no number'],
  ])('csvField(%j) = %j, untouched (%s)', (v, expected) => expect(csvField(v)).toBe(expected));

  it('should neutralise a cluster name in signals.csv and a scenario label in the comparison', () => {
    expect(renderCsv([{ ...rows[0]!, cluster: '-prod' }]).split('\n')[1]).toMatch(/^1,'-prod,etcdQuorum,/);
    expect(renderCompareCsv([{ label: '=evil', rows: [rows[0]!] }]).split('\n')[1]).toMatch(/^'=evil,1,/);
  });
});

describe('replicationRows and signals.csv agree with the JSON on missing values', () => {
  it('should give null, hence an empty cell, for the longest outage of a replication without one', () => {
    // Arrange: one replication, one signal up throughout, one with an outage.
    const digest = {
      replication: 0,
      signals: [
        { cluster: 'prod', signal: 'apiRead', upSeconds: 100, downSeconds: 0, outages: 0, longestOutage: 0 },
        { cluster: 'prod', signal: 'apiWrite', upSeconds: 90, downSeconds: 10, outages: 1, longestOutage: 10 },
      ],
    };
    // Act
    const out = replicationRows([digest as unknown as Parameters<typeof replicationRows>[0][number]]);
    // Assert
    expect(out.map((r) => r.longestOutageSeconds)).toEqual([null, 10]);
    expect(renderCsv(out).split('\n').slice(1, 3)).toEqual(['0,prod,apiRead,1,100,0,0,', '0,prod,apiWrite,0.9,90,10,1,10']);
  });
});
