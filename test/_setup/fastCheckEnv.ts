/** The fast-check settings of one test run, read from FC_SEED and FC_RUNS_SCALE (docs/testing.md). */

export interface FastCheckEnv {
  /** The seed every property of the run starts from. */
  readonly seed: number;
  /** Whether the seed was drawn at random (FC_SEED unset). */
  readonly drawn: boolean;
  /** Factor applied to every property's number of runs. */
  readonly runsScale: number;
}

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/**
 * FC_SEED: a whole number in the 32-bit range fast-check prints its seeds in, or unset to draw
 * one; FC_RUNS_SCALE: a positive number (default 1). Throws on anything else, naming the
 * variable, so a typo never silently runs with a random seed.
 */
export function fastCheckEnv(env: Readonly<Record<string, string | undefined>>, draw: () => number = drawSeed): FastCheckEnv {
  const rawSeed = env.FC_SEED?.trim();
  let seed: number;
  if (rawSeed === undefined || rawSeed === '') {
    seed = draw();
  } else {
    seed = /^-?\d+$/.test(rawSeed) ? Number(rawSeed) : NaN;
    if (!Number.isSafeInteger(seed) || seed < INT32_MIN || seed > INT32_MAX) {
      throw new RangeError(`FC_SEED should be a whole number from ${INT32_MIN} to ${INT32_MAX}, found "${env.FC_SEED}"`);
    }
  }
  const rawScale = env.FC_RUNS_SCALE?.trim();
  const runsScale = rawScale === undefined || rawScale === '' ? 1 : /^\d*\.?\d+$/.test(rawScale) ? Number(rawScale) : NaN;
  if (!(runsScale > 0) || !Number.isFinite(runsScale)) {
    throw new RangeError(`FC_RUNS_SCALE should be a positive number such as 0.5 or 10, found "${env.FC_RUNS_SCALE}"`);
  }
  return { seed, drawn: rawSeed === undefined || rawSeed === '', runsScale };
}

/** A seed as fast-check draws its own: a 32-bit whole number. */
function drawSeed(): number {
  return (Date.now() ^ Math.floor(Math.random() * 2 ** 32)) | 0;
}

/** Runs of a property whose nominal count is `n`, scaled, never below 1. */
export function scaledRuns(n: number, scale: number): number {
  return Math.max(1, Math.round(n * scale));
}
