/** Words for the plan's codes, shared by the apply pages. */
import type { ExemptionKind, Material } from '../../../core/catalog/types.ts';
import type { ItemWhy } from '../../../core/planning/types.ts';

export const FORM: Record<Material['form'], string> = { original: '原件', copy: '复印件', 'original-and-copy': '原件及复印件' };
export const MEDIUM: Record<Material['medium'], string> = { paper: '纸质', electronic: '电子', either: '纸质或电子均可' };
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

export const days = (n: number) => (n === 0 ? '即办' : `${n} 个工作日`);

/** The guide's parts the apply pages read. */
export interface WindowInfo { name: string; address: string; phone: string; hours: string }
export interface GuideInfo {
  id: string;
  name: string;
  summary: string;
  hours: string;
  contacts: { name: string; phone: string }[];
  windows: { code: string; name: string; window?: WindowInfo }[];
  timeLimit: { promisedWorkingDays: number; legalWorkingDays: number; note: string | null };
}
