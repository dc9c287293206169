/**
 * For tests: a real OpenID Connect provider (oidc-provider) on 127.0.0.1, with a client for onething,
 * test people and staff, and its dev log-in form. `tamper` changes the next ID tokens the token
 * endpoint answers (payload edited, signed with another key, wrong nonce, expired) to prove onething
 * refuses them; the re-signing uses the provider's own key, so only the named fault is wrong.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export type Tamper = 'payload' | 'wrong-key' | 'nonce' | 'expired' | null;

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  tamper: Tamper;
  close(): Promise<void>;
}

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const parse = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;

function resign(header: string, payload: Record<string, unknown>, key: KeyObject): string {
  const input = `${header}.${b64(payload)}`;
  return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
}

function tampered(idToken: string, how: Exclude<Tamper, null>, key: KeyObject, otherKey: KeyObject): string {
  const [header = '', body = '', signature = ''] = idToken.split('.');
  const payload = parse(body);
  const now = Math.floor(Date.now() / 1000);
  switch (how) {
    case 'payload': return `${header}.${b64({ ...payload, sub: 'someone-else' })}.${signature}`;
    case 'wrong-key': return resign(header, payload, otherKey);
    case 'nonce': return resign(header, { ...payload, nonce: 'a-nonce-from-another-log-in' }, key);
    case 'expired': return resign(header, { ...payload, iat: now - 7200, exp: now - 3600 }, key);
  }
}

/** `accounts`: each account id (what the dev form's log-in box takes) and its claims. */
export async function startTestProvider(accounts: Record<string, Record<string, unknown>>, redirectUris: string[], postLogoutUris: string[]): Promise<TestProvider> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const { privateKey: otherKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'onething';
  const clientSecret = 'a-long-enough-test-client-secret-0123456789';
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: redirectUris, post_logout_redirect_uris: postLogoutUris, token_endpoint_auth_method: 'client_secret_post' }],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' }] },
    cookies: { keys: ['test-cookie-key-0123456789'] },
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'], identity: ['id_number', 'loa', 'phone_number', 'uscc', 'enterprise_name', 'enterprises'] },
    scopes: ['openid', 'profile', 'identity'],
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    // Set, so the provider does not print a notice for each default it falls back to.
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    findAccount: (_ctx: unknown, id: string) => {
      const claims = accounts[id];
      return claims ? { accountId: id, claims: () => ({ sub: id, ...claims }) } : undefined;
    },
    // A first-party client: no consent screen, everything asked for is granted.
    loadExistingGrant: async (ctx: { oidc: { client: { clientId: string }; session: { accountId: string; grantIdFor(c: string): string | undefined }; provider: Provider; params: { scope?: string } } }) => {
      const { client, session, provider: p } = ctx.oidc;
      const existing = session.grantIdFor(client.clientId);
      if (existing) return p.Grant.find(existing);
      const grant = new p.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(ctx.oidc.params.scope ?? 'openid');
      await grant.save();
      return grant;
    },
  });
  const handle = provider.callback();
  const state: TestProvider = {
    issuer, clientId, clientSecret, tamper: null,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const how = state.tamper;
    if (how && req.method === 'POST' && req.url?.startsWith('/token')) {
      const end = res.end.bind(res) as (chunk?: unknown) => http.ServerResponse;
      res.end = ((chunk?: unknown) => {
        const body = JSON.parse(String(chunk)) as { id_token?: string };
        if (body.id_token) body.id_token = tampered(body.id_token, how, privateKey, otherKey);
        const text = JSON.stringify(body);
        res.setHeader('content-length', Buffer.byteLength(text));
        return end(text);
      }) as typeof res.end;
    }
    void handle(req, res);
  });
  return state;
}
