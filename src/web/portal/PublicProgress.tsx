/**
 * 办件进度查询: a walk-in applicant without an account follows a case with the number and the query
 * code of the receipt (its QR opens this page with both filled in). Shows what the server gives:
 * the matter, each item's status and dates, the expected completion; nothing personal.
 */
import { Alert, Button, Card, Form, Input, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Static } from 'typebox';
import type { PublicProgress as Answer } from '../../contracts/progress.ts';
import { errorText, get } from '../shared/api.ts';
import { dueDay, plainDay } from '../shared/dates.ts';
import { usePrefs } from '../shared/prefs.tsx';
import { TASK_TEXT } from './case/Progress.tsx';
import type { TaskStatus } from './case/types.ts';
import { usePageTitle } from '../shared/usePageTitle.ts';

type Progress = Static<typeof Answer>;
const COLOR: Record<string, string> = { waiting: 'default', dispatched: 'processing', claimed: 'processing', supplement: 'warning', approved: 'success', refused: 'error', stopped: 'default' };

function Items({ p }: { p: Progress }) {
  const { t, lang } = usePrefs();
  const due = (d: string, provisional: boolean) => dueDay(d, provisional, lang, t('dueProvisional'));
  return (
    <ol aria-label={t('progress_items')} style={{ padding: 0, margin: 0 }}>
      {p.items.map((i) => (
        <li key={i.name} style={{ listStyle: 'none', borderBottom: '1px solid #f0f0f0', paddingBlock: 12 }}>
          <Typography.Title level={3} style={{ fontSize: '1.05em', margin: 0 }}>
            <span lang="zh-CN">{i.name}</span> <Tag color={i.awaiting === 'payment' ? 'warning' : COLOR[i.status]}>{i.awaiting === 'payment' ? t('task_awaitingPayment') : TASK_TEXT[i.status as TaskStatus] ?? i.statusLabel}</Tag>
          </Typography.Title>
          <Typography.Text type="secondary" lang="zh-CN">{i.department}</Typography.Text>
          <ul style={{ margin: '6px 0 0', paddingInlineStart: '1.3em' }}>
            {i.status === 'waiting' && <li>{t(i.awaiting === 'payment' ? 'fee_waiting' : 'progress_waiting')}</li>}
            {i.dispatchedOn && <li>{t('progress_dispatched', { day: plainDay(i.dispatchedOn, lang) })}<span lang="zh-CN">{i.department}</span></li>}
            {i.dueDate && !i.decidedOn && i.status !== 'stopped' && <li>{t('progress_dueBefore')}<Typography.Text strong>{due(i.dueDate, i.dueProvisional)}</Typography.Text>{t('progress_dueAfter')}{i.status === 'supplement' ? t('progress_paused') : ''}</li>}
            {i.decidedOn && <li>{plainDay(i.decidedOn, lang)} {i.status === 'approved' ? t('progress_approved') : i.status === 'refused' ? t('progress_refused') : t('progress_done')}</li>}
          </ul>
        </li>
      ))}
    </ol>
  );
}

export default function PublicProgress() {
  const { t, lang } = usePrefs();
  usePageTitle(t('progress_title'));
  const [params, setParams] = useSearchParams();
  const number = params.get('n') ?? '';
  const code = params.get('c') ?? '';
  const [found, setFound] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (!number || !code) return;
    let live = true;
    setLoading(true);
    setError(null);
    get<Progress>(`/api/public/progress?number=${encodeURIComponent(number)}&code=${encodeURIComponent(code)}`)
      .then((p) => { if (live) setFound(p); })
      .catch((e: unknown) => { if (live) { setFound(null); setError(errorText(e)); } })
      .finally(() => { if (live) setLoading(false); });
    return () => { live = false; };
  }, [number, code]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 760, marginInline: 'auto' }}>
      <Typography.Title level={1} style={{ margin: 0 }}>{t('progress_title')}</Typography.Title>
      <Card>
        <Form layout="vertical" initialValues={{ number, code }} key={`${number}|${code}`}
          onFinish={(v: { number: string; code: string }) => setParams({ n: v.number.trim(), c: v.code.trim() })}>
          <Typography.Paragraph type="secondary">{t('progress_lead')}</Typography.Paragraph>
          <Form.Item name="number" label={t('progress_number')} rules={[{ required: true, message: t('progress_numberRequired') }]}><Input autoComplete="off" /></Form.Item>
          <Form.Item name="code" label={t('progress_code')} rules={[{ required: true, message: t('progress_codeRequired') }]}><Input autoComplete="off" maxLength={12} style={{ maxWidth: 200 }} /></Form.Item>
          <Button type="primary" htmlType="submit" loading={loading}>{t('progress_query')}</Button>
        </Form>
      </Card>
      {error && <Alert type="error" showIcon title={error} />}
      {found && (
        <Card title={<h3 style={{ margin: 0, fontSize: 'inherit' }} lang="zh-CN">{found.matterName}</h3>} extra={<Tag color="blue" lang="zh-CN">{found.statusLabel}</Tag>}>
          <Space orientation="vertical" style={{ width: '100%' }} size="small">
            <Typography.Text>{t('progress_numberLine', { number: found.number })}</Typography.Text>
            {found.acceptedOn && <Typography.Text>{t('progress_accepted', { day: plainDay(found.acceptedOn, lang) })}</Typography.Text>}
            {found.expectedBy && <Typography.Text>{t('progress_expected')}<Typography.Text strong>{dueDay(found.expectedBy, found.expectedProvisional, lang, t('dueProvisional'))}</Typography.Text>{t('progress_before')}</Typography.Text>}
            {found.outcome && <Typography.Text lang="zh-CN">{found.outcome}</Typography.Text>}
            {found.items.length === 0 ? <Typography.Paragraph>{t('progress_none')}</Typography.Paragraph> : <Items p={found} />}
          </Space>
        </Card>
      )}
    </Space>
  );
}
