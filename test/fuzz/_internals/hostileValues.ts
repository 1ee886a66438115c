/** Values a careless or hostile user puts in a scenario or a flag: wrong types, edge numbers, odd text. */
import fc from 'fast-check';

/** Names that are properties of every JavaScript object. */
export const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'prototype', '__defineGetter__', 'isPrototypeOf'];

/** Characters a terminal acts on or that reorder text: ESC, BEL, backspace, CR, NUL, DEL, C1 controls, bidi overrides and isolates. */
export const CONTROL_CHARS = ['\u001b', '\u0007', '\u0008', '\r', '\u0000', '\u007f', '\u009b', '\u0085', '\u202e', '\u202d', '\u2066', '\u2069', '\u200f', '\u2028'];

/** A string with control characters somewhere in it (an ANSI sequence among them). */
export const arbControlString = fc
  .tuple(fc.constantFrom('prod', 'dc-a', 'x', ''), fc.array(fc.constantFrom(...CONTROL_CHARS, '\u001b[31m', '\u001b]0;title\u0007'), { minLength: 1, maxLength: 3 }), fc.constantFrom('', 'evil', '-2'))
  .map(([a, cs, b]) => `${a}${cs.join('')}${b}`);

/** A long value, as pasted by mistake. */
export const arbLongString = fc.tuple(fc.constantFrom('a', 'x-', '9', 'prod '), fc.integer({ min: 300, max: 6000 })).map(([s, n]) => s.repeat(Math.ceil(n / s.length)).slice(0, n));

/** Numbers at the edges: zero, negatives, subnormals, huge, non-integers, beyond 2^53. */
export const arbEdgeNumber = fc.oneof(
  fc.constantFrom(0, -0, -1, 1, 0.5, 1e-300, 1e-320, 5e-324, 1e308, 1.7976931348623157e308, 2 ** 31, 2 ** 31 - 1, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), 1e21, 0.1 + 0.2),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1000, max: 1000 }),
);

/** Strings that look like numbers or durations but are not quite (or are at the edges). */
export const arbOddText = fc.constantFrom(
  'NaN', '.nan', 'Infinity', '.inf', '-.inf', '1e400', '-1e400', '0x10', '1_000', '١٢', '',
  ' ', '0s', '-5m', '1x', '1h-', '1e400s', '1e-320s', '5e-324s', '1ms', '0.0001ms', '1.5.5h', '∞', 'h', '1h 30m', '1H', '~',
  'null', 'true', 'yes', 'no', '1y1y', '9007199254740993', '99999999999999999999d',
);

/** A value nested `depth` deep in arrays or objects. */
export const arbDeep = fc.tuple(fc.integer({ min: 20, max: 3000 }), fc.boolean()).map(([depth, arrays]) => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = arrays ? [v] : { a: v };
  return v;
});

/** Any of the above, or a plain JSON value of the wrong type. */
export const arbHostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: arbEdgeNumber },
  { weight: 3, arbitrary: arbOddText },
  { weight: 2, arbitrary: arbControlString },
  { weight: 1, arbitrary: arbLongString },
  { weight: 2, arbitrary: fc.constantFrom(...PROTOTYPE_NAMES) },
  { weight: 1, arbitrary: arbDeep },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [[]], { exponential: {} }, { weibull: { shape: 0.001, scale: '1h' } }) },
);

/** A name for a cluster, tenant, workload, datacenter or scenario: ordinary, prototype-like, with control characters, or long. */
export const arbHostileName = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PROTOTYPE_NAMES) },
  { weight: 2, arbitrary: arbControlString },
  { weight: 1, arbitrary: arbLongString },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom('a b', 'ünï', '名前', '..', '.', '-', 'a/b', 'C:\\x', '<script>', '%s%n', '$(id)') },
);
