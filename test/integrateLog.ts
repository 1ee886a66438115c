/** ∫ f over [from, to] by Simpson's rule on a log scale (x = e^t), which copes with densities that blow up at 0: for tests of densities and survivals. */
export function integrateLog(f: (x: number) => number, from: number, to: number): number {
  const a = Math.log(from);
  const b = Math.log(to);
  const n = 20_000;
  const h = (b - a) / n;
  let s = 0;
  for (let i = 0; i <= n; i++) {
    const x = Math.exp(a + i * h);
    const w = i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2;
    s += w * f(x) * x;
  }
  return (s * h) / 3;
}
