/** Closed forms and Markov chains the simulation must agree with. */
export { answer, refuse, type Answer, type Refusal } from './Answer.js';
export { apiWriteAvailability, failuresTolerated, memberAvailability, quorumSize, type ApiParts } from './closedForms.js';
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
