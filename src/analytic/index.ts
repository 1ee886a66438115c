/** Closed forms and Markov chains the simulation must agree with; `analyzeScenario` is what `kubesim analytic` prints. */
export { analyzeScenario } from './analyzeScenario.js';
export type {
  AnalyticResult,
  AnalyzeOptions,
  ClusterAnswer,
  ClusterResult,
  Method,
  ProcessSummary,
  QuorumAnswer,
  Route,
  SignalAnswer,
} from './AnalyticResult.js';
export { answer, refuse, type Answer, type Refusal } from './Answer.js';
export { apiWriteAvailability, memberAvailability, type ApiParts } from './closedForms.js';
export { kOfN, kOfNAvailability, type Split } from './kOfN.js';
export { birthDeathStationary, sharedRepair, sharedRepairAvailability } from './birthDeath.js';
export { meanTimeToQuorumLoss } from './meanTimeToQuorumLoss.js';
export {
  ABSORPTION_STATE_LIMIT,
  CTMC_STATE_LIMIT,
  generatorMatrix,
  meanTimeToAbsorption,
  stationaryDistribution,
  type Ctmc,
  type Transition,
} from './Ctmc.js';
export { ENUMERATION_UNIT_LIMIT } from './_internals/enumerate.js';
