/** The plan's codes as tags and time limits as words, the same on the portal and in the admin console's preview. */
import type { ExemptionKind } from '../../core/catalog/types.ts';
import type { ItemWhy } from '../../core/planning/types.ts';

export const EXEMPT: Record<ExemptionKind, { label: string; color: string }> = {
  license: { label: '电子证照', color: 'blue' },
  'result-of-item': { label: '前序结果', color: 'purple' },
  'shared-data': { label: '数据共享', color: 'cyan' },
  commitment: { label: '告知承诺', color: 'orange' },
};
export const WHY: Record<ItemWhy, { label: string; color: string }> = {
  required: { label: '必办', color: 'red' },
  chosen: { label: '可选', color: 'green' },
  'needed-by': { label: '前序需要', color: 'gold' },
};

export const days = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n === 0 ? '即办' : `${n} 个工作日`);
