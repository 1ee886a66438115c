/** Vitest global setup: chooses the fast-check seed once per run, prints it and hands it to every test file. */
import type { TestProject } from 'vitest/node';
import { fastCheckEnv } from './fastCheckEnv.js';

declare module 'vitest' {
  export interface ProvidedContext {
    fcSeed: number;
    fcRunsScale: number;
  }
}

export default function setup(project: TestProject): void {
  const { seed, drawn, runsScale } = fastCheckEnv(process.env);
  const scale = runsScale === 1 ? '' : `, runs ×${runsScale}`;
  const replay = runsScale === 1 ? `FC_SEED=${seed}` : `FC_SEED=${seed} FC_RUNS_SCALE=${runsScale}`;
  console.log(`fast-check seed ${seed}${drawn ? ', drawn at random' : ' from FC_SEED'}${scale} (replay: ${replay} npm test)`);
  project.provide('fcSeed', seed);
  project.provide('fcRunsScale', runsScale);
}
