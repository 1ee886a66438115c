/** The discrete-event kernel's public API: knows nothing about Kubernetes. */
export * from './SimTime.js';
export * from './Simulation.js';
export * from './RandomStreams.js';
export * from './Distribution.js';
export * from './Duration.js';
export * from './LogHistogram.js';
export * from './SignalStats.js';
export * from './specialFunctions.js';
export * from './distributionFunctions.js';
export * from './quoteValue.js';
