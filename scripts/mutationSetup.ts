// Fixes fast-check's seed in mutation runs, so that a mutant's verdict does not depend on which random cases a run drew.
import fc from 'fast-check';
import { fastCheckEnv } from '../test/_setup/fastCheckEnv.js';

// FC_SEED is read and checked as in the suite; unset, mutation runs use one fixed seed.
const { seed } = fastCheckEnv({ FC_SEED: process.env.FC_SEED ?? '20261201' });
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
