/** Words, marks and small pieces the admin console shares. */
import { Tag } from 'antd';
import { get as getShared } from '../shared/api.ts';
import type { Account } from '../shared/auth.tsx';
import { useLoad } from '../shared/useLoad.ts';
import { useMatters as useSharedMatters } from '../shared/useMatters.ts';
import type { DocumentKind, DraftStatus, DraftView } from './types.ts';
import type { MessageKey } from '../shared/messages/index.ts';
import { usePrefs } from '../shared/prefs.tsx';
import { word } from '../shared/words.ts';

export { errorText, fmtTime, LoadError, named, Section } from '../window/ui.tsx';

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

export const STATUS: Record<DraftStatus, { text: MessageKey; color: string }> = {
  draft: { text: 'admDrafting', color: 'blue' },
  'in-review': { text: 'admInConsultation', color: 'gold' },
  revision: { text: 'admSentBackForChanges', color: 'orange' },
  approved: { text: 'admApprovedAwaitingPublication', color: 'purple' },
  published: { text: 'admPublished3', color: 'green' },
};

export function StatusTag({ status }: { status: DraftStatus }) {
  const { t } = usePrefs();
  const s = STATUS[status];
  return <Tag color={s.color} style={{ fontWeight: 600 }}>{t(s.text)}</Tag>;
}

export const KIND: Record<DocumentKind, MessageKey> = {
  matter: 'admMatters',
  item: 'admItems',
  fields: 'admFields3',
  license: 'admELicence',
  department: 'admDepartment',
  calendar: 'admWorkingCalendar',
  region: 'admAdministrativeDivisions',
};
export const KIND_ORDER: DocumentKind[] = ['matter', 'item', 'fields', 'license', 'department', 'region', 'calendar'];

export const ITEM_KIND: Record<string, MessageKey> = {
  permit: 'admAdministrativeLicensing', confirmation: 'admAdministrativeConfirmation', registration: 'admRegistration', payment: 'admAdministrativePayment', 'public-service': 'admPublicService', other: 'admOther',
};

export const CHANNEL: Record<string, MessageKey> = {
  online: 'admOnline', window: 'admAtTheWindow', mobile: 'admOnThePhoneApp', kiosk: 'admSelfService', post: 'admByPost', hotline: 'admHotline', 'on-site': 'admAtHome',
};

export const CHANGE: Record<'added' | 'removed' | 'changed', { text: MessageKey; color: string }> = {
  added: { text: 'admAdd', color: 'green' },
  removed: { text: 'admDelete', color: 'red' },
  changed: { text: 'admChanged3', color: 'blue' },
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
  if (v === undefined) return word('admNone3');
  if (typeof v === 'string') return v;
  return JSON.stringify(v, null, 1).replace(/\n\s*/g, ' ');
}

/** Department names by code, from the published catalogue. */
export function useDepartments() {
  const q = useLoad(() => get<{ departments: { code: string; name: string }[] }>('/api/public/departments'), []);
  const list = q.data?.departments ?? [];
  return { ...q, list, name: (code: string) => list.find((d) => d.code === code)?.name ?? code };
}
