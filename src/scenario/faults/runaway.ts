/** The runaway fault: a tenant's workload grows until it takes whatever its quota allows. */
import { tenantIncident, type TenantIncident } from './tenantIncident.js';

export type RunawayFault = TenantIncident<'runaway'>;

export const runaway = tenantIncident(
  'runaway',
  '<cluster>/<tenant> whose workload grows until it takes whatever its quota allows. Needs `for`.',
  'runaway workload of tenant',
);
