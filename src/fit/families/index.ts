/** The four fitted families, by name. */
import { exponential } from './exponential.js';
import type { Family, FamilyName } from './Family.js';
import { gammaFamily } from './gamma.js';
import { lognormal } from './lognormal.js';
import { weibull } from './weibull.js';

export { FAMILY_NAMES, type Family, type FamilyName, type Params } from './Family.js';

export const FAMILIES: Readonly<Record<FamilyName, Family>> = { exponential, weibull, lognormal, gamma: gammaFamily };
