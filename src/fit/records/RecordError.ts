/** A problem in a file of outage records: the file, the line (when there is one) and what was wrong. */
export class RecordError extends Error {
  override name = 'RecordError';
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly problem: string,
  ) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${problem}`);
  }
}
