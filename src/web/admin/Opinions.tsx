/** The departments' opinions on a draft: the form of my department, and the record of every round. */
import { Alert, Button, Input, List, Radio, Tag, Typography } from 'antd';
import { useId, useState } from 'react';
import { post } from '../shared/api.ts';
import { useAction } from '../shared/useAction.ts';
import { fmtTime } from './common.tsx';
import type { DraftDetail, DraftView, OpinionView } from './types.ts';
import { usePrefs } from '../shared/prefs.tsx';

/** 同意 / 不同意 with a comment (required to disagree); one per department and round. */
export function OpinionForm({ draft, department, onDone }: { draft: DraftView; department: string; onDone(d: DraftDetail, text: string): void }) {
  const { t } = usePrefs();
  const id = useId();
  const [opinion, setOpinion] = useState<'agree' | 'disagree' | null>(null);
  const [comment, setComment] = useState('');
  const { busy, error, setError, run } = useAction();
  const send = async () => {
    if (!opinion) return setError(t('admChooseAgreeOrDisagree'));
    if (opinion === 'disagree' && !comment.trim()) return setError(t('admWhenDisagreeingGiveThe'));
    await run(async () => {
      const d = await post<DraftDetail>(`/api/admin/drafts/${draft.id}/opinions`, { opinion, comment: comment.trim() });
      onDone(d, opinion === 'agree' ? t('admOpinionOfSubmittedAgree', { department }) : t('admOpinionOfSubmittedDisagree', { department }));
    });
  };
  return (
    <div>
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend style={{ fontWeight: 600, marginBottom: 6, fontSize: 14 }}>{department}{t('admSOpinionRound')} {draft.review.round} {t('admSep24')}</legend>
        <Radio.Group value={opinion} onChange={(e) => { setOpinion(e.target.value as 'agree' | 'disagree'); setError(null); }}
          options={[{ value: 'agree', label: t('admAgree') }, { value: 'disagree', label: t('admDisagreeSendBack') }]} />
      </fieldset>
      <label htmlFor={`${id}-comment`} style={{ display: 'block', margin: '10px 0 4px' }}>{t('admComment')}{opinion === 'disagree' ? t('admRequired2') : t('admOptional')}</label>
      <Input.TextArea id={`${id}-comment`} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }}
        aria-required={opinion === 'disagree'} aria-invalid={!!error || undefined} aria-describedby={error ? `${id}-error` : undefined}
        placeholder={opinion === 'disagree' ? t('admGiveTheReasonFor2') : t('admEGCheckedThe')} />
      {error && <Typography.Text type="danger" id={`${id}-error`} role="alert" style={{ display: 'block', marginTop: 4 }}>{error}</Typography.Text>}
      <Button type="primary" onClick={() => void send()} loading={busy} style={{ marginTop: 10 }}>{t('admSubmitTheOpinion')}</Button>
    </div>
  );
}

function OpinionTag({ o }: { o: OpinionView | null }) {
  const { t } = usePrefs();
  return o === null ? <Tag>{t('admNoOpinionTag')}</Tag> : o.opinion === 'agree' ? <Tag color="green">{t('admAgreeTag')}</Tag> : <Tag color="red">{t('admDisagreeTag')}</Tag>;
}

/** The current round's departments and what each said; then every earlier opinion. */
export function OpinionRecord({ draft }: { draft: DraftView }) {
  const { t } = usePrefs();
  const earlier = draft.opinions.filter((o) => o.round !== draft.review.round);
  return (
    <div className="admin-stack">
      {draft.review.round === 0 ? (
        <Typography.Text type="secondary">{t('admNotYetSubmittedFor')}</Typography.Text>
      ) : (
        <div>
          <Typography.Title level={4} style={{ fontSize: 15 }}>{t('admRoundConsult', { n: draft.review.round })}{draft.review.asked.filter((a) => a.opinion?.opinion === 'agree').length}/{draft.review.asked.length} {t('admDepartmentSAgreed2')}</Typography.Title>
          <List size="small" bordered dataSource={draft.review.asked} renderItem={(a) => (
            <List.Item>
              <div style={{ width: '100%' }}>
                <div className="admin-row" style={{ justifyContent: 'space-between' }}>
                  <strong><span lang="zh-CN">{a.department.name}</span></strong>
                  <OpinionTag o={a.opinion} />
                </div>
                {a.opinion && <Typography.Text type="secondary"><span lang="zh-CN">{a.opinion.by.name}</span> · {fmtTime(a.opinion.at)}{a.opinion.comment ? t('admSep25', { comment: a.opinion.comment }) : ''}</Typography.Text>}
              </div>
            </List.Item>
          )} />
        </div>
      )}
      {earlier.length > 0 && (
        <div>
          <Typography.Title level={4} style={{ fontSize: 15 }}>{t('admEarlierRounds')}</Typography.Title>
          <List size="small" dataSource={earlier} renderItem={(o) => (
            <List.Item>
              <div>
                <div className="admin-row"><span>{t('admRoundN', { n: o.round })} <span lang="zh-CN">{o.department.name}</span></span><OpinionTag o={o} /></div>
                <Typography.Text type="secondary"><span lang="zh-CN">{o.by.name}</span> · {fmtTime(o.at)}{o.comment ? t('admSep25', { comment: o.comment }) : ''}</Typography.Text>
              </div>
            </List.Item>
          )} />
        </div>
      )}
      {draft.status === 'revision' && (
        <Alert type="warning" showIcon title={t('admTheDraftWasSent')} description={t('admADepartmentDisagreedChange')} />
      )}
    </div>
  );
}
