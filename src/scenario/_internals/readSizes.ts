/** Reads a cluster's host counts (control plane, etcd, workers) with the model's defaults and rules. */
import { MODEL_PRESETS } from '../presets.js';
import type { ClusterSpec, DeploymentModel } from '../Scenario.js';
import type { Path } from './Path.js';
import type { Problems } from './Problems.js';
import { field, readEnum, readInteger } from './read.js';

/** etcd's default limit on learners (--experimental-max-learners, "Learner design"). */
export const MAX_LEARNERS = 1;
/** Largest etcd cluster accepted: the etcd FAQ advises "probably no more than seven"; 9 leaves room to show why. */
export const MAX_ETCD_MEMBERS = 9;
/** Kubernetes supports clusters of up to 5,000 nodes ("Considerations for large clusters"). */
export const MAX_WORKERS = 5000;

type Sizes = Pick<ClusterSpec, 'controlPlane' | 'etcd' | 'workers'>;

export function readSizes(p: Problems, cluster: unknown, path: Path, model: DeploymentModel): Sizes {
  const preset = MODEL_PRESETS[model];
  const cpPath = [...path, 'controlPlane', 'nodes'];
  const etcdPath = [...path, 'etcd'];
  const workersPath = [...path, 'workers'];
  const cpObj = field(cluster, 'controlPlane');
  const etcdObj = field(cluster, 'etcd');
  const workersObj = field(cluster, 'workers');

  const givenCp = readInteger(p, field(cpObj, 'nodes'), cpPath, 1, 100);
  const givenMembers = readInteger(p, field(etcdObj, 'members'), [...etcdPath, 'members'], 1, MAX_ETCD_MEMBERS);
  const learners = readInteger(p, field(etcdObj, 'learners'), [...etcdPath, 'learners'], 0, MAX_LEARNERS) ?? 0;
  const givenTopology = readEnum(p, field(etcdObj, 'topology'), [...etcdPath, 'topology'], ['stacked', 'external'] as const);
  const topology = givenTopology ?? 'stacked';
  const givenWorkers = readInteger(p, field(workersObj, 'nodes'), [...workersPath, 'nodes'], 0, MAX_WORKERS);
  const podsPerNode = readInteger(p, field(workersObj, 'podsPerNode'), [...workersPath, 'podsPerNode'], 1, 1000) ?? 110;

  if (preset.singleHost) {
    // One host (single-server) runs the control plane, the only etcd member and the workloads.
    const only = (given: number | string | undefined, want: number | string, at: Path, more: string) => {
      if (given !== undefined && given !== want) {
        p.add(at, `expected ${JSON.stringify(want)} for a ${model} cluster (one host runs everything), found ${JSON.stringify(given)}; ${more}`);
      }
    };
    only(givenCp, 1, cpPath, 'use model multi-master for more control-plane nodes');
    only(givenMembers, 1, [...etcdPath, 'members'], 'use model multi-master for a replicated etcd');
    only(field(etcdObj, 'learners') === undefined ? undefined : learners, 0, [...etcdPath, 'learners'], 'a learner needs a host of its own');
    only(givenTopology, 'stacked', [...etcdPath, 'topology'], 'etcd runs on the one host');
    only(givenWorkers, 1, [...workersPath, 'nodes'], 'the one host is also the only worker; use model multi-master for more');
    return {
      controlPlane: { nodes: 1 },
      etcd: { members: 1, learners: 0, topology: 'stacked' },
      workers: { nodes: 1, podsPerNode },
    };
  }

  let cp: number;
  let members: number;
  if (topology === 'stacked') {
    // kubeadm's stacked topology runs one etcd member on each control-plane node, so a count
    // given for one side is the default of the other.
    cp = givenCp ?? (givenMembers !== undefined ? givenMembers + learners : preset.controlPlaneNodes);
    members = givenMembers ?? (givenCp !== undefined ? clamp(givenCp - learners, 1, MAX_ETCD_MEMBERS) : preset.etcdMembers);
    if (members + learners > cp) {
      const at = givenMembers !== undefined ? [...etcdPath, 'members'] : learners > 0 ? [...etcdPath, 'learners'] : cpPath;
      p.add(
        at,
        `stacked etcd runs member i on control-plane node i, so members + learners (${members} + ${learners}) must not exceed controlPlane.nodes (${cp}); add control-plane nodes or use etcd.topology: external`,
      );
    }
  } else {
    cp = givenCp ?? preset.controlPlaneNodes;
    members = givenMembers ?? preset.etcdMembers;
  }
  return {
    controlPlane: { nodes: cp },
    etcd: { members, learners, topology },
    workers: { nodes: givenWorkers ?? preset.workerNodes, podsPerNode },
  };
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
