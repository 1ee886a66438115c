import { describe, expect, it } from 'vitest';
import type { ReplicationRow } from '../../src/experiment/Summary.js';
import { csvField, renderCompareCsv, renderCsv } from '../../src/report/renderCsv.js';
import { rows } from './fixtures.js';

describe('renderCsv', () => {
  // Two hand-written rows: full precision, an exponent, and no outage (NaN longest: an empty field).
  const handRows: ReplicationRow[] = [
    { replication: 1, cluster: 'prod', signal: 'etcdQuorum', availability: 0.9999876543210123, upSeconds: 31535610.5, downSeconds: 389.5, outages: 2, longestOutageSeconds: 300.25 },
    { replication: 2, cluster: 'prod', signal: 'apiWrite', availability: 1, upSeconds: 31536000, downSeconds: 1.5e-7, outages: 0, longestOutageSeconds: NaN },
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

  it.each<[string | number, string, string]>([
    ['plain', 'plain', 'nothing to quote'],
    ['a,b', '"a,b"', 'a comma'],
    ['say "hi"', '"say ""hi"""', 'quotes are doubled'],
    ['two\nlines', '"two\nlines"', 'a newline'],
    ['cr\r', '"cr\r"', 'a carriage return'],
    [0.1, '0.1', 'a number'],
    [NaN, '', 'no number'],
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
