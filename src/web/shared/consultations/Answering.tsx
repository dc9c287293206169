/** The department's 咨询投诉 to answer, soonest due first: in the workbench, and at the service centre's window. */
import { Alert, Button, Empty, Input, List, Select, Space, Typography, message } from 'antd';
import { useState } from 'react';
import type { Consultation, Consultations } from '../../../contracts/index.ts';
import { fmtTime, LoadError, Section, SLOT, WithData } from '../../window/ui.tsx';
import { get, post } from '../api.ts';
import { useAction } from '../useAction.ts';
import { useLoad } from '../useLoad.ts';
import { ConsultationHeading, sourceName } from './Heading.tsx';
import { usePrefs } from '../prefs.tsx';

type Filter = '' | Consultation['status'];

export function Answering() {
  const { t } = usePrefs();
  const [status, setStatus] = useState<Filter>('open');
  const list = useLoad(() => get<Consultations>(`/api/department/consultations${status ? `?status=${status}` : ''}`), [status]);
  const rows = list.data?.consultations ?? [];
  const [msg, holder] = message.useMessage();
  return (
    <Section title={t('con_title', { n: rows.length })} extra={<Button onClick={list.reload} loading={list.loading}>{t('con_refresh')}</Button>}>
      {holder}
      <Space wrap style={{ marginBottom: 12 }} align="center">
        <label htmlFor="consultation-status">{t('con_status')}</label>
        <Select id="consultation-status" value={status} onChange={setStatus} style={{ width: 180 }}
          options={[{ value: 'open', label: t('con_open') }, { value: 'answered', label: t('con_answered') }, { value: 'closed', label: t('con_closed') }, { value: '', label: t('con_all') }]} />
      </Space>
      {list.error && <LoadError error={list.error} retry={list.reload} />}
      <List loading={list.loading} dataSource={rows} locale={{ emptyText: <Empty description={status === 'open' ? t('con_noneOpen') : t('con_none')} /> }}
        renderItem={(c) => <Item key={`${c.id}-${c.status}`} c={c} onDone={() => { msg.success(t('con_sent', { number: c.number })); list.reload(); }} />} />
    </Section>
  );
}

function Item({ c, onDone }: { c: Consultation; onDone(): void }) {
  const { t } = usePrefs();
  const [answer, setAnswer] = useState('');
  const { busy, error, setError, run } = useAction();
  const send = async () => {
    if (answer.trim().length < 5) {
      setError(t('con_tooShort'));
      return;
    }
    if (await run(() => post(`/api/department/consultations/${c.id}/answer`, { answer }))) onDone();
  };
  const id = `answer-${c.id}`;
  return (
    <List.Item>
      <article style={{ width: '100%' }} aria-label={`${t(`con_kind_${c.kind}`)} ${c.number}`}>
        <ConsultationHeading c={c} by={<>{sourceName(t, c)}</>} />
        {c.reopenNote && <Alert type="warning" showIcon title={<>{t('con_returned')}<span lang="zh-CN">{c.reopenNote}</span></>} style={{ marginBottom: 8 }} />}
        {c.answer && <Typography.Paragraph type="secondary"><WithData text={t('con_answerBy', { by: SLOT, at: fmtTime(c.answeredAt) })} data={c.answeredByName ?? ''} /><span lang="zh-CN">{c.answer}</span></Typography.Paragraph>}
        {c.status === 'open' && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <label htmlFor={id}>{t('con_answerLabel')}</label>
            <Input.TextArea id={id} rows={3} maxLength={2000} value={answer} onChange={(e) => { setAnswer(e.target.value); setError(null); }} />
            {error && <Alert type="error" showIcon title={error} />}
            <Button type="primary" loading={busy} onClick={send}>{t('con_send')}</Button>
          </Space>
        )}
      </article>
    </List.Item>
  );
}
