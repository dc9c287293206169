/**
 * The calling side of the department-system API, as a department system (or a test) uses it: the
 * headers of a request signed with HMAC-SM3 (see src/server/http/auth.ts for the checking side).
 */
import { randomBytes } from 'node:crypto';
import { signRequest } from '../../crypto/hmac-request.ts';

export interface ClientCredentials {
  /** The id POST /api/admin/api-clients returned. */
  id: string;
  /** The secret it returned (shown once). */
  secret: string;
}

export interface SignedRequest {
  method: string;
  /** Path and query exactly as sent. */
  url: string;
  /** The raw body exactly as sent ('' when there is none). */
  body?: string;
  /** Unix seconds; the caller's clock. */
  timestamp: number;
  /** Fresh for every request; a random one when left out. */
  nonce?: string;
}

export function signedHeaders(client: ClientCredentials, r: SignedRequest): Record<string, string> {
  const nonce = r.nonce ?? randomBytes(16).toString('hex');
  const signature = signRequest({ secret: client.secret, method: r.method.toUpperCase(), path: r.url, timestamp: r.timestamp, nonce, body: r.body ?? '' });
  return {
    'x-onething-client': client.id,
    'x-onething-timestamp': String(r.timestamp),
    'x-onething-nonce': nonce,
    'x-onething-signature': signature,
  };
}
