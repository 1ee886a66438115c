/** Renders a vega-lite spec to SVG text in Node: vega-lite compiles it, vega draws it with no canvas. */
import type { TopLevelSpec } from 'vega-lite';

type VegaLite = typeof import('vega-lite');
type Vega = typeof import('vega');

// Loaded on first use: vega and vega-lite take about 0.4 s to load, which a run that writes no
// chart (--no-report, --json, validate, explain) should not pay.
let libraries: Promise<readonly [VegaLite, Vega]> | undefined;
function vega(): Promise<readonly [VegaLite, Vega]> {
  libraries ??= Promise.all([import('vega-lite'), import('vega')]);
  return libraries;
}

/** Compiles a vega-lite spec to a vega spec; vega-lite's warnings become an error (a chart must compile cleanly). */
export async function compileSpec(spec: TopLevelSpec): Promise<ReturnType<VegaLite['compile']>['spec']> {
  const [{ compile }] = await vega();
  const warnings: string[] = [];
  const collect = (...args: readonly unknown[]): void => {
    warnings.push(args.map(String).join(' '));
  };
  const logger = {
    level: (): number => 0,
    error: (...args: readonly unknown[]) => {
      collect(...args);
      return logger;
    },
    warn: (...args: readonly unknown[]) => {
      collect(...args);
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  const vg = compile(spec, { logger: logger as never }).spec;
  if (warnings.length > 0) throw new Error(`compileSpec: vega-lite warned about the chart: ${warnings.join('; ')}`);
  return vg;
}

/** The chart as a standalone SVG document. Pure apart from the work vega does in memory. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const [, { parse, View }] = await vega();
  const view = new View(parse(await compileSpec(spec)), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
