/** Words, marks and small pieces the admin console shares. */
import { Tag } from 'antd';
import { get as getShared } from '../shared/api.ts';
import type { Account } from '../shared/auth.tsx';
import { useLoad } from '../shared/useLoad.ts';
import { useMatters as useSharedMatters } from '../shared/useMatters.ts';
import type { DocumentKind, DraftStatus, DraftView } from './types.ts';

export { errorText, fmtTime, LoadError, Section } from '../window/ui.tsx';

/**
 * GET that asks the server again instead of using the browser's cached copy: the public catalogue
 * answers are cacheable for minutes, but here they must show a publication at once. Refreshing also
 * updates the browser's copy, so the portal's pages opened next show the new version too.
 */
const FRESH: RequestInit = { cache: 'no-cache' };
export const get = <T,>(url: string) => getShared<T>(url, FRESH);

/** The published key matters, flat, with their lead department (names by id), read fresh as `get` reads. */
export const useMatters = () => useSharedMatters(FRESH);
export type { Matters } from '../shared/useMatters.ts';

/** After a publication: refreshes the browser's copies of the public catalogue answers the portal reads. */
export function refreshPublic(matterIds: string[]): void {
  for (const url of ['/api/public/matters', '/api/public/versions', '/api/public/items', '/api/public/catalogue', ...matterIds.map((id) => `/api/public/matters/${encodeURIComponent(id)}`)]) {
    void fetch(url, { credentials: 'same-origin', cache: 'no-cache' }).catch(() => undefined);
  }
}

export const STATUS: Record<DraftStatus, { text: string; color: string }> = {
  draft: { text: '起草中', color: 'blue' },
  'in-review': { text: '征求意见中', color: 'gold' },
  revision: { text: '退回修改', color: 'orange' },
  approved: { text: '已批准待发布', color: 'purple' },
  published: { text: '已发布', color: 'green' },
};

export function StatusTag({ status }: { status: DraftStatus }) {
  const s = STATUS[status];
  return <Tag color={s.color} style={{ fontWeight: 600 }}>{s.text}</Tag>;
}

export const KIND: Record<DocumentKind, string> = {
  matter: '一件事',
  item: '事项',
  fields: '字段',
  license: '电子证照',
  department: '部门',
  calendar: '工作日历',
  region: '行政区划',
};
export const KIND_ORDER: DocumentKind[] = ['matter', 'item', 'fields', 'license', 'department', 'region', 'calendar'];

export const ITEM_KIND: Record<string, string> = {
  permit: '行政许可', confirmation: '行政确认', registration: '登记', payment: '行政给付', 'public-service': '公共服务', other: '其他',
};

export const CHANNEL: Record<string, string> = {
  online: '网上办', window: '窗口办', mobile: '掌上办', kiosk: '自助办', post: '邮寄', hotline: '热线', 'on-site': '上门办',
};

export const CHANGE: Record<'added' | 'removed' | 'changed', { text: string; color: string }> = {
  added: { text: '新增', color: 'green' },
  removed: { text: '删除', color: 'red' },
  changed: { text: '修改', color: 'blue' },
};

export const pct = (r: number | null | undefined) => (r === null || r === undefined ? '—' : `${Math.round(r * 1000) / 10}%`);
export const num = (n: number | null | undefined) => (n === null || n === undefined ? '—' : String(n));

/** `catalog/items/ga-birth-registration.yaml` → `ga-birth-registration`. */
export const baseName = (file: string) => file.replace(/^.*\//, '').replace(/\.ya?ml$/, '');

/** The URL part of a document path: `catalog%2Fitems%2Fx.yaml`. */
export const docUrl = (draftId: string, file: string) => `/api/admin/drafts/${draftId}/documents/${encodeURIComponent(file)}`;

/** Who may edit a draft: administrators, and the lead department that drafts it. */
export const mayEdit = (account: Account | null, d: Pick<DraftView, 'department'>) =>
  !!account && (account.role === 'admin' || (account.role === 'lead' && account.department !== null && d.department?.code === account.department));

export const editable = (d: Pick<DraftView, 'status'>) => d.status === 'draft' || d.status === 'revision';

/** The current round's entry for my department, when it was asked. */
export function myAsk(account: Account | null, d: DraftView) {
  if (!account?.department || (account.role !== 'lead' && account.role !== 'reviewer')) return null;
  return d.review.asked.find((a) => a.department.code === account.department) ?? null;
}

/** Whether my department still owes an opinion on the draft in this round. */
export const awaitsMe = (account: Account | null, d: DraftView) => d.status === 'in-review' && myAsk(account, d)?.opinion === null;

/** A value of the catalogue as short text: strings as they are, the rest as compact JSON. */
export function show(v: unknown): string {
  if (v === undefined) return '（无）';
  if (typeof v === 'string') return v;
  return JSON.stringify(v, null, 1).replace(/\n\s*/g, ' ');
}

/** Department names by code, from the published catalogue. */
export function useDepartments() {
  const q = useLoad(() => get<{ departments: { code: string; name: string }[] }>('/api/public/departments'), []);
  const list = q.data?.departments ?? [];
  return { ...q, list, name: (code: string) => list.find((d) => d.code === code)?.name ?? code };
}
