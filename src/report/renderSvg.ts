/** Renders a vega-lite spec to SVG text in Node: vega-lite compiles it, vega draws it with no canvas. */
import { compile, type TopLevelSpec } from 'vega-lite';

// vega (the renderer and its d3 modules, about 0.3 s to load) is loaded on the first SVG drawn.
let vega: Promise<typeof import('vega')> | undefined;

/** Compiles a vega-lite spec to a vega spec; vega-lite's warnings become an error (a chart must compile cleanly). */
export function compileSpec(spec: TopLevelSpec): ReturnType<typeof compile>['spec'] {
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
  vega ??= import('vega');
  const { parse, View } = await vega;
  const view = new View(parse(compileSpec(spec)), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
