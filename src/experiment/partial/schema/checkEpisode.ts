/** The schema of a rare-event episode digest in a partial file. */
import { array, first, number, object, type Problem } from './check.js';

const COUNT = { min: 0, whole: true } as const;

export function checkEpisodeDigest(v: unknown, path: string): Problem {
  return first(
    () => object(v, path, ['episode', 'initiator', 'logLikelihoodRatio', 'downSeconds', 'outages', 'seconds', 'events']),
    () => {
      const e = v as Record<string, unknown>;
      return first(
        () => number(e['episode'], `${path}.episode`, COUNT),
        () => number(e['initiator'], `${path}.initiator`, COUNT),
        () => number(e['logLikelihoodRatio'], `${path}.logLikelihoodRatio`),
        () => array(e['downSeconds'], `${path}.downSeconds`, (x, p) => number(x, p, { min: 0 }), undefined, 'an array of numbers'),
        () => array(e['outages'], `${path}.outages`, (x, p) => number(x, p, COUNT), (e['downSeconds'] as unknown[]).length, 'an array of whole numbers'),
        () => number(e['seconds'], `${path}.seconds`, { min: 0 }),
        () => number(e['events'], `${path}.events`, COUNT),
      );
    },
  );
}
