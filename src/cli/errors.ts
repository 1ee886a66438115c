/** The errors the CLI turns into exit codes: bad input (2) and failures at run time (1). */

/** Bad input: a flag, a file or a value. The message is one line naming what and where. */
export class InputError extends Error {
  override name = 'InputError';
  /** Extra lines (one per problem) when several problems were found at once. */
  constructor(
    message: string,
    readonly lines: readonly string[] = [message],
  ) {
    super(message);
  }
}

export const EXIT_OK = 0;
export const EXIT_RUNTIME = 1;
export const EXIT_INPUT = 2;
