/** The scenario layer's public API: YAML/JSON text -> a validated, typed Scenario. */
export * from './Scenario.js';
export { ScenarioError, formatProblem, type Problem } from './ScenarioError.js';
export { parseScenario, loadScenario, readScenarioFile } from './parseScenario.js';
export { parseScenarioDocument, MAX_NESTING_DEPTH } from './parseScenarioDocument.js';
export { scenarioFromRaw } from './scenarioFromRaw.js';
export { setPath, parseOverride } from './setPath.js';
export { componentNames, checkComponentName, datacenterOf } from './components.js';
export { scenarioAdvice, type Advice } from './scenarioAdvice.js';
export { CLUSTER_SIGNALS, ANALYTIC_SIGNALS, type ClusterSignal, type AnalyticSignal } from './signals.js';
export { MODEL_PRESETS, type ModelPreset } from './presets.js';
export { modelSchema, withModelSchema } from './modelSchema.js';
export { SCENARIO_DEFAULTS, MAX_REPLICATIONS, RAFT_DEFAULTS, KUBERNETES_DEFAULTS, ETCD_LOAD_DEFAULTS, COST_DEFAULTS, FEDERATION_ROLLOUT_DEFAULTS, TIMING_RULES } from './defaults.js';
export { FAULT_KINDS, FAULT_KIND_NAMES, faultDefinition } from './faults/faultKinds.js';
export { faultSchema, faultsDescription, withFaultSchema } from './faults/faultSchema.js';
export type { FaultDefinition, FaultBase, FaultField, FaultReading, SchemaFragment } from './faults/FaultDefinition.js';
export { nameRecord, nameRecordOf, ownEntry } from './nameRecord.js';
export { didYouMean, listNames } from './_internals/describe.js';
export { LESSON_QUESTIONS, LESSON_LOOK, type Lesson, type LessonStep, type LessonQuestion } from './Lesson.js';
