import { describe, expect, it } from 'vitest';
import { runEpisodeBatch, runEpisodes } from '../../../src/experiment/rare/index.js';
import { etcdScenario } from './fixtures.js';

// The pool's threads run the built worker (dist/): build first, as for the CLI tests.
describe('runEpisodeBatch', () => {
  const s = etcdScenario(5, 11);

  it('should give the same digests on 2 threads as in this thread, and in pieces as whole', async () => {
    const serial = runEpisodes(s, 100, 1200);
    const threaded = await runEpisodeBatch(s, 100, 1200, 2);
    const pieces = [...(await runEpisodeBatch(s, 100, 700, 1)), ...(await runEpisodeBatch(s, 800, 500, 2))];
    expect(threaded).toEqual(serial);
    expect(pieces).toEqual(serial);
    expect(serial.map((d) => d.episode)).toEqual(Array.from({ length: 1200 }, (_, i) => 100 + i));
  });
});
