/**
 * The plan's codes as tags and time limits as words, the same on the portal and in the admin console's
 * preview, in the language chosen (read when shown, so the plain objects stay usable outside hooks).
 */
import type { ExemptionKind, Material } from '../../core/catalog/types.ts';
import type { ItemWhy } from '../../core/planning/types.ts';
import { messages, type MessageKey } from './messages/index.ts';
import { word } from './words.ts';

const tag = (key: MessageKey, color: string) => ({ get label() { return word(key); }, color });

export const EXEMPT: Record<ExemptionKind, { label: string; color: string }> = {
  license: tag('exempt_license', 'blue'),
  'result-of-item': tag('exempt_result-of-item', 'purple'),
  'shared-data': tag('exempt_shared-data', 'cyan'),
  commitment: tag('exempt_commitment', 'orange'),
};
export const WHY: Record<ItemWhy, { label: string; color: string }> = {
  required: tag('why_required', 'red'),
  chosen: tag('why_chosen', 'green'),
  'needed-by': tag('why_needed-by', 'gold'),
};

export const days = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n === 0 ? word('daysNone') : word('daysN', { n }));

/** The core's words for a material's form and medium and an exemption's kind (labels.ts), by language. */
export const formText = (f: Material['form'] | string) => (`form_${f}` in messages.zh ? word(`form_${f}` as MessageKey) : f);
export const mediumText = (m: Material['medium']) => word(`medium_${m}`);
export const exemptionText = (k: ExemptionKind) => word(`exemptKind_${k}`);
