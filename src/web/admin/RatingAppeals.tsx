/**
 * 差评申诉 (GB/T 39734), decided by the service administration: upheld, the rating is not counted;
 * not upheld, it goes back to the department to be rectified.
 */
import { Alert, Button, Card, Empty, Input, Space, Spin, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import type { RectificationRow } from '../../contracts/index.ts';
import { get, post } from '../shared/api.ts';
import { useAction } from '../shared/useAction.ts';
import { useLoad } from '../shared/useLoad.ts';
import { fmtTime, LoadError, named } from '../window/ui.tsx';
import { usePrefs } from '../shared/prefs.tsx';
import { EVENT, LEVEL } from '../workbench/Rectifications.tsx';

export function RatingAppeals() {
  const { t } = usePrefs();
  const list = useLoad(() => get<{ rectifications: RectificationRow[] }>('/api/admin/rating-appeals'), []);
  const [msg, holder] = message.useMessage();
  const rows = list.data?.rectifications ?? [];
  return (
    <section aria-labelledby="appeals-title">
      {holder}
      <Typography.Title level={3} id="appeals-title">{t('admRatingAppealsToReview')}{rows.length}{t('admSep2')}</Typography.Title>
      {list.error && <LoadError error={list.error} retry={list.reload} />}
      {list.loading && !list.data ? <Spin /> : rows.length === 0 ? <Empty description={t('admNoAppealsToReview')} /> : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {rows.map((r) => <Appeal key={r.id} r={r} onDone={(upheld) => { msg.success(t('admSep28', { caseNumber: r.caseNumber, p1: t(upheld ? 'admAppealUpheldNote' : 'admAppealRejectedNote') })); list.reload(); }} />)}
        </Space>
      )}
    </section>
  );
}

function Appeal({ r, onDone }: { r: RectificationRow; onDone(upheld: boolean): void }) {
  const { t } = usePrefs();
  const [note, setNote] = useState('');
  const { busy, error, setError, run } = useAction();
  const id = `appeal-${r.id}`;
  const decide = async (upheld: boolean) => {
    if (note.trim().length < 5) return setError(t('admTheReviewCommentNeeds'));
    if (await run(() => post(`/api/admin/rating-appeals/${r.id}/decide`, { upheld, note: note.trim() }))) onDone(upheld);
  };
  return (
    <Card title={<h4 style={{ margin: 0, fontSize: 'inherit' }}>{r.caseNumber} · <span lang="zh-CN">{r.matterName}</span> · {named(t, EVENT, r.event)}{t('admStage')} <span lang="zh-CN">{r.departmentName}</span></h4>}
      extra={<Tag color="red">{named(t, LEVEL, String(r.level))}</Tag>}>
      <Typography.Paragraph>{t('admApplicantSRating')}<span lang="zh-CN">{r.tags.join('、')}{r.comment ? `“${r.comment}”` : ''}</span>{t('admSep')}{fmtTime(r.openedAt)}{r.clerkName ? <>{t('admServedBy', { clerkName: '' })}<span lang="zh-CN">{r.clerkName}</span></> : ''}{t('admSep2')}</Typography.Paragraph>
      <Alert type="info" title={t('admDepartmentSGrounds')} description={<span lang="zh-CN">{r.appealReason}</span>} style={{ marginBottom: 12 }} />
      <label htmlFor={id} style={{ display: 'block', marginBottom: 4 }}>{t('admReviewComment')}</label>
      <Input.TextArea id={id} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} autoSize={{ minRows: 2 }} aria-invalid={!!error || undefined} />
      {error && <Typography.Text type="danger" role="alert">{error}</Typography.Text>}
      <Space style={{ marginTop: 8 }}>
        <Button type="primary" loading={busy} onClick={() => void decide(true)}>{t('admAppealUpheld')}</Button>
        <Button loading={busy} onClick={() => void decide(false)}>{t('admAppealRejectedBackTo')}</Button>
      </Space>
    </Card>
  );
}
