/** The identity service of each audience this deployment turns on (config.oidc), behind the adapter. */
import type { Deps } from '../../../deps.ts';
import { OidcProvider } from './provider.ts';
import { OidcService } from './service.ts';

export { oidcRoutes } from './routes.ts';

export function oidcService(deps: Deps): OidcService {
  const { applicant, staff } = deps.config.oidc;
  return new OidcService(deps, { ...(applicant ? { applicant: new OidcProvider(applicant) } : {}), ...(staff ? { staff: new OidcProvider(staff) } : {}) });
}
