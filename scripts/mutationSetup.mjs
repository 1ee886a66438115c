// Fixes fast-check's seed in mutation runs, so that a mutant's verdict does not depend on which random cases a run drew.
import fc from 'fast-check';

fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: Number(process.env.FC_SEED ?? 20261201) });
