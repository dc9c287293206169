/** The hand-off signing keys (docs/identity.md): a rotatable set that starts from the platform's seal. */
import type { Clock } from '../../clock.ts';
import { SigningKeyStore } from '../../crypto/signing-keys.ts';
import type { FieldCipher } from '../../crypto/sm4.ts';
import type { Db } from '../../db/connect.ts';
import { requireAnchor } from '../audit/anchor.ts';
import { appendAudit } from '../audit/audit.ts';
import { sm2Jwk } from './jws.ts';

export const HANDOFF_KEY_PURPOSE = 'handoff';

export function handoffKeyStore(deps: { db: Db; cipher: FieldCipher; clock: Clock }): SigningKeyStore {
  const db = deps.db.kysely;
  return new SigningKeyStore({
    db, cipher: deps.cipher, now: () => deps.clock.now(), purpose: HANDOFF_KEY_PURPOSE,
    kidOf: (pem) => sm2Jwk(pem).kid,
    initial: () => requireAnchor(db).platformSeal(),
    // The operator at the command line is the actor: a rotation is an act on the platform, not of an account.
    record: (trx, action, detail) => appendAudit(trx, deps.db.dialect, deps.clock.now().toISOString(), {
      actor: 'system:keys', action: `signing-key.${action}`, entity: 'signing-key', entityId: String(detail.kid), detail: { purpose: HANDOFF_KEY_PURPOSE, ...detail },
    }),
  });
}
