/** The compromise fault: a tenant's compromised pod probes the other tenants' services. */
import { tenantIncident, type TenantIncident } from './tenantIncident.js';

export type CompromiseFault = TenantIncident<'compromise'>;

export const compromise = tenantIncident(
  'compromise',
  '<cluster>/<tenant> with a compromised pod that probes other tenants. Needs `for`.',
  'compromised pod in tenant',
);
