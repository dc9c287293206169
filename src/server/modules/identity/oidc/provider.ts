/**
 * The identity-provider adapter: how onething hands a person to a unified identity service and takes
 * them back as a verified external identity. The OpenID Connect implementation is below.
 *
 * A province whose service is ticket-based (CAS-like: redirect with `service=`, back with `ticket=`,
 * validate the ticket server-to-server) implements the same interface: `start` builds the log-in URL
 * with the callback as `service` and the `state` in it; `finish` reads `ticket`, validates it at the
 * service's validation endpoint and maps its attributes with `mapClaims`; `logoutUrl` is its logout
 * address. Nothing else changes: routes, linking and sessions only see this interface
 * (docs/identity.md, "Plugging in a ticket-based service").
 */
import * as client from 'openid-client';
import type { OidcClaimMap, OidcConfig } from '../../../config.ts';
import { AppError, appError } from '../../../errors.ts';
import { mapClaims, type ExternalIdentity } from './claims.ts';

/** What a log-in must prove on its way back; kept server-side between start and finish. */
export interface LoginChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface IdentityProvider {
  /** The provider's issuer (links are per issuer). */
  readonly issuer: string;
  /** Where to send the browser, and what its return must match. */
  start(): Promise<{ url: string; checks: LoginChecks }>;
  /** The callback as it arrived (its full URL) → the verified identity, or an AppError. */
  finish(callbackUrl: URL, checks: LoginChecks): Promise<ExternalIdentity>;
  /** The provider's end-session address (null when it has none). */
  logoutUrl(): Promise<string | null>;
}

const unreachable = () => appError(502, 'oidc-provider-unavailable', '统一身份认证服务暂时无法访问，请稍后再试');
const badToken = () => appError(401, 'oidc-token-invalid', '统一身份认证返回的身份令牌无效（已过期、被篡改或不属于本次登录），请重新登录');

/** openid-client's codes for an answer that is not OAuth at all (an error page, a 5xx from a gateway). */
const NOT_OAUTH = new Set(['OAUTH_RESPONSE_IS_NOT_JSON', 'OAUTH_RESPONSE_IS_NOT_CONFORM']);
const NETWORK = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|EHOSTUNREACH|UND_ERR|fetch failed|aborted|timeout/i;

/** The provider could not be reached or did not answer as one: nothing the person can fix by logging in again. */
function isTransportFailure(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  if (NOT_OAUTH.has((e as { code?: string }).code ?? '')) return true;
  for (let c: unknown = e; c instanceof Error; c = (c as { cause?: unknown }).cause) {
    if ((c.name === 'TypeError' || c.name === 'AbortError' || c.name === 'TimeoutError') && NETWORK.test(`${c.message} ${String((c as { code?: string }).code ?? '')}`)) return true;
    if (NETWORK.test(String((c as { code?: string }).code ?? ''))) return true;
  }
  return false;
}

export class OidcProvider implements IdentityProvider {
  private discovered: Promise<client.Configuration> | null = null;

  constructor(private readonly config: OidcConfig, private readonly claimMap: OidcClaimMap = config.claims) {}

  get issuer(): string {
    return this.config.issuer;
  }

  /** Discovery once; a failure is not remembered, so the next log-in tries again. */
  private configuration(): Promise<client.Configuration> {
    if (!this.discovered) {
      const insecure = new URL(this.config.issuer).protocol === 'http:';
      this.discovered = client.discovery(new URL(this.config.issuer), this.config.clientId, this.config.clientSecret, undefined, {
        execute: [
          // config.ts allows plain http only to a provider on this machine.
          ...(insecure ? [client.allowInsecureRequests] : []),
          // Check the ID token's signature against the provider's keys too, not only its claims.
          client.enableNonRepudiationChecks,
        ],
        timeout: 10,
      }).catch((e: unknown) => {
        this.discovered = null;
        throw e;
      });
    }
    return this.discovered.catch(() => {
      throw unreachable();
    });
  }

  async start(): Promise<{ url: string; checks: LoginChecks }> {
    const config = await this.configuration();
    const checks = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.config.redirectUri,
      scope: this.config.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
      state: checks.state,
      nonce: checks.nonce,
    });
    return { url: url.href, checks };
  }

  async finish(callbackUrl: URL, checks: LoginChecks): Promise<ExternalIdentity> {
    const config = await this.configuration();
    const error = callbackUrl.searchParams.get('error');
    if (error) throw appError(401, 'oidc-login-failed', error === 'access_denied' ? '已取消统一身份认证登录' : '统一身份认证未完成登录，请重新登录');
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(config, callbackUrl, { pkceCodeVerifier: checks.codeVerifier, expectedState: checks.state, expectedNonce: checks.nonce, idTokenExpected: true });
    } catch (e) {
      throw this.classify(e);
    }
    const idClaims = tokens.claims();
    if (!idClaims) throw badToken();
    let claims: Record<string, unknown> = { ...idClaims };
    // Many providers release the person's details only at userinfo (scope claims stay out of the ID token).
    if (tokens.access_token && config.serverMetadata().userinfo_endpoint) {
      try {
        const info = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
        claims = { ...info, ...idClaims };
      } catch (e) {
        throw this.classify(e);
      }
    }
    return mapClaims(claims, this.claimMap, this.config, idClaims.iss);
  }

  async logoutUrl(): Promise<string | null> {
    let config: client.Configuration;
    try {
      config = await this.configuration();
    } catch {
      return null;
    }
    if (!config.serverMetadata().end_session_endpoint) return null;
    return client.buildEndSessionUrl(config, { client_id: this.config.clientId, post_logout_redirect_uri: this.config.postLogoutRedirectUri }).href;
  }

  /** Unreachable → 502; the provider refusing the code → 401 log-in failed; anything about the tokens → 401 invalid. */
  private classify(e: unknown): AppError {
    if (e instanceof AppError) return e;
    if (isTransportFailure(e)) return unreachable();
    if (e instanceof client.ResponseBodyError) return appError(401, 'oidc-login-failed', '统一身份认证未完成登录，请重新登录');
    return badToken();
  }
}
