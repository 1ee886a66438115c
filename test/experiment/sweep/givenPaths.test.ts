/** Which swept paths are load (a recommendation for each value) and which are design choices. */
import { describe, expect, it } from 'vitest';
import { givenPaths } from '../../../src/experiment/sweep/givenPaths.js';

const params = (...paths: string[]) => paths.map((path) => ({ path, values: [1, 2] }));

describe('givenPaths', () => {
  it('should count worker counts, pod density and etcdLoad fields as given, and nothing else', () => {
    const given = givenPaths(
      params('etcd.members', 'workers.nodes', 'clusters[1].workers.podsPerNode', 'etcdLoad.podLifetime', 'spec.etcdLoad.writeCost', 'raft.fsync', 'controlPlane.nodes'),
    );
    expect(given).toEqual(['workers.nodes', 'clusters[1].workers.podsPerNode', 'etcdLoad.podLifetime', 'spec.etcdLoad.writeCost']);
  });
});
