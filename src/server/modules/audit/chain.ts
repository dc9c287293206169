/** The SM3 link of one audit entry to the one before. */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../crypto/canonical.ts';

export const GENESIS = '0'.repeat(64);

export function entryHash(prev: string, e: { at: string; actor: string; action: string; entity: string; entity_id: string; detail: string }): string {
  const body = canonicalJson({ at: e.at, actor: e.actor, action: e.action, entity: e.entity, entity_id: e.entity_id, detail: e.detail });
  return createHash('sm3').update(prev).update(body).digest('hex');
}
