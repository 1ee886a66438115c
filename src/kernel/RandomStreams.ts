/** Named, independent, seeded random streams: one per (seed, name), the source of every draw. */
import seedrandom from 'seedrandom';

/** A stream of uniform numbers in [0, 1). */
export interface RandomStream {
  readonly name: string;
  /** The next uniform number in [0, 1). */
  next(): number;
}

/**
 * Each stream is seeded from the pair (scenario seed, stream name) alone, so adding or removing
 * a stream never shifts the draws of another: two designs compared with the same seed see the
 * same failures on the components they share (common random numbers).
 *
 * The generator is seedrandom's Alea: about 40% faster per draw than its default ARC4 and with
 * a period far beyond any run here (see bench/ for the figures).
 */
export class RandomStreams {
  private readonly streams = new Map<string, RandomStream>();

  constructor(readonly seed: number | string) {}

  /** The stream with this name, created on first use. */
  get(name: string): RandomStream {
    let s = this.streams.get(name);
    if (s === undefined) {
      s = createStream(this.seed, name);
      this.streams.set(name, s);
    }
    return s;
  }
}

/** A fresh stream for (seed, name); the same pair always gives the same sequence. */
export function createStream(seed: number | string, name: string): RandomStream {
  // The separator cannot appear in a number, so ("1", "2/x") and ("12", "x") never collide.
  const state = seedrandom.alea(`${String(seed)}\u0000${name}`, { state: true }).state();
  return new AleaStream(name, state);
}

/**
 * Alea (Johannes Baagøe, 2010), the generator of seedrandom.alea, stepped here instead of through
 * seedrandom's closure: seedrandom seeds it (its Mash hash), and this class continues from that
 * state, so the numbers are exactly seedrandom.alea's (a test checks this). Why: `next()` is on
 * the path of every event, and one method that V8 inlines saves the two nested closure calls
 * (~5 ns of ~19 ns per draw, measured on the benchmark machine; see bench/).
 */
class AleaStream implements RandomStream {
  // Why a Float64Array and not four number fields: class fields start as undefined, after which
  // V8 boxes every double stored in them (an allocation per draw); typed-array slots never box.
  // Layout: [c, s0, s1, s2] as in seedrandom's Alea.
  private readonly state: Float64Array;

  constructor(
    readonly name: string,
    state: { c: number; s0: number; s1: number; s2: number },
  ) {
    this.state = Float64Array.of(state.c, state.s0, state.s1, state.s2);
  }

  next(): number {
    const s = this.state;
    const t = 2091639 * s[1]! + s[0]! * 2.3283064365386963e-10; // 2^-32
    s[1] = s[2]!;
    s[2] = s[3]!;
    const c = t | 0;
    s[0] = c;
    return (s[3] = t - c);
  }
}
