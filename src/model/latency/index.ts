/** The etcd load and latency model: pure functions, no simulation events. */
export { WRITE_LOAD_ASSUMPTIONS, WRITES_PER_POD_LIFECYCLE, writeLoad, writeLoadAssumptions, type LoadInput, type WriteLoad, type WriteLoadAssumptions } from './writeLoad.js';
export { CAPACITY_ASSUMPTIONS, capacityAssumptions, leaderCapacity, leaderWorkPerWrite, type CapacityAssumptions } from './leaderCapacity.js';
export { commitDelays, type LinkTimings } from './commitDelays.js';
export { sojournMean, sojournQuantile } from './sojournQuantile.js';
export { ETCD_MODEL_ASSUMPTIONS, etcdModelAssumptions, etcdPerformance, writeP99Ms, type EtcdInput, type EtcdModelAssumptions, type EtcdPerformance, type WriteLatency } from './etcdPerformance.js';
export { etcdPerformanceOf, etcdInputsOf, etcdHeadroomOf } from './etcdPerformanceOf.js';
export { headroom, solveIncreasing, HEADROOM_TOLERANCE, type Headroom, type HeadroomPoint } from './headroom.js';
