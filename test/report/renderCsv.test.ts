import { describe, expect, it } from 'vitest';
import { csvField, renderCsv } from '../../src/report/renderCsv.js';
import { rows } from './fixtures.js';

describe('renderCsv', () => {
  it('should write a header and one line per replication and signal, numbers as JSON writes them', () => {
    const csv = renderCsv(rows);
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe('replication,cluster,signal,availability,upSeconds,downSeconds,outages,longestOutageSeconds');
    expect(lines.length).toBe(rows.length + 1);
    const r = rows[0]!;
    expect(lines[1]).toBe([r.replication, r.cluster, r.signal, r.availability, r.upSeconds, r.downSeconds, r.outages, r.longestOutageSeconds].map(String).join(','));
    expect(Number(lines[1]!.split(',')[3])).toBe(r.availability); // full precision
    expect(csv.endsWith('\n')).toBe(true);
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
