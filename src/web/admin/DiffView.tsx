/**
 * What publishing a draft would change, readable: the matters and departments concerned, then per
 * document whether it was added, removed or changed, and for a change every leaf as
 * path, before → after (removed text struck through in red, new text in green).
 */
import { Alert, Button, Empty, Spin, Tag, Typography } from 'antd';
import { Fragment } from 'react';
import { Link } from 'react-router-dom';
import { useLoad, type Loaded } from '../shared/useLoad.ts';
import { CHANGE, get, KIND, LoadError, Section } from './common.tsx';
import type { DiffView as Diff, LeafChange } from './types.ts';
import { usePrefs } from '../shared/prefs.tsx';
import type { MessageKey } from '../shared/messages/index.ts';

/** Names of the catalogue's common keys, shown under the technical path. */
const WORDS: Record<string, MessageKey> = {
  timeLimit: 'admTimeLimit2', promised: 'admCommitted2', legal: 'admStatutory', name: 'admName', materials: 'admMaterials', conditions: 'admAcceptanceConditions', legalBasis: 'admLegalBasis',
  fees: 'admFees', free: 'admFree', note: 'admNote', channels: 'admChannels', trips: 'admTrips', fields: 'admFields3', result: 'admResult', review: 'admReviewPoints',
  formal: 'admFormalReview', substantive: 'admSubstantiveReview', replacedBy: 'admExemptionBy', requiredIf: 'admRequiredWhen', deferrable: 'admDeferrable', copies: 'admCopies2',
  form: 'admForm', medium: 'admMedium', department: 'admDepartment', kind: 'admType', items: 'admItems', questions: 'admQuestion', situations: 'admSituation', partners: 'admPartnerDepartments',
  lead: 'admLeadDepartment', guide: 'admGuide', summary: 'admOverview', text: 'admText', options: 'admOptions', label: 'admLabel', help: 'admHint', when: 'admCondition2',
  after: 'admPrecedingItems', required: 'admRequired', reason: 'admReason', window: 'admWindow2', phone: 'admPhone', address: 'admAddress', hours: 'admOfficeHours',
  contacts: 'admEnquiryPhone', faq: 'admFaq', description: 'admNote', advice: 'admSuggestion', eligible: 'admCanBeHandledTogether', title: 'admTitle', type: 'admType',
  timeLimitNote: 'admTimeLimitNote', policyBasis: 'admPolicyBasis', applicants: 'admWhoMayApply', windows: 'admWindow', code: 'admCode', group: 'admGroup',
  source: 'admSource', assumptions: 'admAssumption', holder: 'admHolder', license: 'admELicence', level: 'admLevel', region: 'admRegion', batch: 'admBatch',
};

function words(path: string, t: (key: MessageKey) => string): string {
  const parts = path.split(/[.[\]=]+/).filter(Boolean).map((p) => WORDS[p]).filter((w): w is MessageKey => !!w).map((w) => t(w));
  return parts.join(' › ');
}

function Value({ v }: { v: unknown }) {
  if (v === undefined) return null;
  if (v === null) return <span>null</span>;
  if (typeof v === 'string') return <span lang="zh-CN" style={{ whiteSpace: 'pre-wrap' }}>{v}</span>;
  if (typeof v === 'number' || typeof v === 'boolean') return <span className="mono">{String(v)}</span>;
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object' || x === null)) return <span lang="zh-CN">[{v.map((x) => String(x)).join('，')}]</span>;
  return <pre lang="zh-CN" className="mono" style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{JSON.stringify(v, null, 2)}</pre>;
}

function Leaf({ c }: { c: LeafChange }) {
  const { t } = usePrefs();
  const added = !('before' in c);
  const removed = !('after' in c);
  const hint = words(c.path, t);
  return (
    <tr>
      <td data-label={t('admLocation')} className="diff-path">
        <span className="mono">{c.path}</span>
        {hint && <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{hint}</Typography.Text></div>}
      </td>
      <td data-label={t('admBefore')} className={added ? undefined : 'diff-before'}>{added ? <Typography.Text type="secondary">{t('admNoneAdded')}</Typography.Text> : <del><Value v={c.before} /></del>}</td>
      <td data-label={t('admAfter')} className={removed ? undefined : 'diff-after'}>{removed ? <Typography.Text type="secondary">{t('admDeleted')}</Typography.Text> : <ins style={{ textDecoration: 'none' }}><Value v={c.after} /></ins>}</td>
    </tr>
  );
}

/** A draft's diff, read again whenever `version` changes. */
export const useDiff = (draftId: string, version = 0): Loaded<Diff> => useLoad(() => get<Diff>(`/api/admin/drafts/${draftId}/diff`), [draftId, version]);

/** The diff of a draft, read when shown (the to-do page's “展开变更内容”). */
export function DraftDiff({ draftId }: { draftId: string }) {
  return <DiffView draftId={draftId} diff={useDiff(draftId)} />;
}

/** `diff` as `useDiff` reads it: the draft's page reads it once for its file count, this tab and the published guides. */
export function DiffView({ draftId, diff: q }: { draftId: string; diff: Loaded<Diff> }) {
  const { t } = usePrefs();
  if (q.error) return <LoadError error={q.error} retry={q.reload} />;
  if (!q.data) return <Spin description={t('admLoading')} />;
  const d = q.data;
  const editFile = (file: string) => `/admin/drafts/${draftId}?tab=edit&file=${encodeURIComponent(file)}`;
  return (
    <div className="admin-stack">
      <div className="admin-row" style={{ justifyContent: 'space-between' }}>
        <Typography.Text>{t('admComparedWithVersion')} {d.against} {t('admSep15')}{d.documents.length === 0 ? t('admNoChange') : t('admFileSChanged', { n: d.documents.length })}</Typography.Text>
        <Button onClick={q.reload} loading={q.loading}>{t('admRefresh')}</Button>
      </div>
      {d.documents.length === 0 ? <Empty description={t('admTheDraftIsThe')} /> : (
        <Alert type="info" showIcon title={t('admThisChangeConcerns')} description={
          <>
            <div>{t('admMatters2')}{d.matters.length === 0 ? t('admNone') : d.matters.map((m, i) => <Fragment key={m.id}>{i > 0 && t('admSep6')}<strong><span lang="zh-CN">{m.name}</span></strong>{t('admSep')}{m.why.join(t('admSep12'))}{t('admSep2')}</Fragment>)}</div>
            <div>{t('admDepartmentsToConsult')}{d.departments.length === 0 ? t('admNone') : d.departments.map((x) => x.name).join(t('admSep3'))}</div>
          </>
        } />
      )}
      {d.documents.map((doc) => (
        <Section key={doc.file} level={4} title={<span className="admin-row" style={{ gap: 6 }}><Tag color={CHANGE[doc.change].color}>{t(CHANGE[doc.change].text)}</Tag><Tag>{t(KIND[doc.kind])}</Tag><span className="mono" style={{ fontWeight: 600 }}>{doc.file}</span></span>}
          extra={doc.change !== 'removed' ? <Link to={editFile(doc.file)} aria-label={t('admOpenFile', { file: doc.file })}>{t('admOpenFile2')}</Link> : undefined}>
          {doc.change === 'changed' ? (
            <table className="diff-table">
              <caption className="sr-only">{doc.file} {t('admSep16')} {doc.changes?.length ?? 0} {t('admChangeS')}</caption>
              <thead><tr><th scope="col" style={{ width: '30%' }}>{t('admLocation')}</th><th scope="col" style={{ width: '35%' }}>{t('admBefore')}</th><th scope="col">{t('admAfter')}</th></tr></thead>
              <tbody>{(doc.changes ?? []).map((c, i) => <Leaf key={i} c={c} />)}</tbody>
            </table>
          ) : (
            <Typography.Text>{doc.change === 'added' ? t('admANewFileAll') : t('admThisFileWasRemoved')}</Typography.Text>
          )}
        </Section>
      ))}
    </div>
  );
}
