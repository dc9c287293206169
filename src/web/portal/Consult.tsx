/**
 * 我的咨询: ask a person (咨询), suggest (建议) or complain (投诉), online or handed over from the
 * smart assistant with the question already written; follow each to its answer, then confirm it or
 * send it back once.
 */
import { Alert, Button, Empty, Form, Input, List, Radio, Select, Space, Typography, message } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Consultation, Consultations } from '../../contracts/index.ts';
import { get, post } from '../shared/api.ts';
import { useAuth } from '../shared/auth.tsx';
import { ConsultationHeading } from '../shared/consultations/Heading.tsx';
import { useAction } from '../shared/useAction.ts';
import { useLoad } from '../shared/useLoad.ts';
import { useMatters } from '../shared/useMatters.ts';
import { usePageTitle } from '../shared/usePageTitle.ts';
import { dayText, minuteText } from '../shared/dates.ts';
import { usePrefs } from '../shared/prefs.tsx';
import { LoadError, RequireRole, Section } from '../window/ui.tsx';

const KINDS = [{ value: 'consultation', label: 'cs_kindConsultation' }, { value: 'suggestion', label: 'cs_kindSuggestion' }, { value: 'complaint', label: 'cs_kindComplaint' }] as const;
type Kind = (typeof KINDS)[number]['value'];

export default function Consult() {
  const { t } = usePrefs();
  usePageTitle(t('cs_pageTitle'));
  return (
    <RequireRole roles={['applicant']} what={t('cs_pageTitle')}>
      <Typography.Title level={1}>{t('cs_title')}</Typography.Title>
      <Typography.Paragraph>{t('cs_intro')}</Typography.Paragraph>
      <Page />
    </RequireRole>
  );
}

function Page() {
  const { t } = usePrefs();
  const list = useLoad(() => get<Consultations>('/api/consultations'), []);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <NewConsultation onDone={list.reload} />
      <Section title={t('cs_mine', { n: list.data?.consultations.length ?? 0 })} level={2} extra={<Button onClick={list.reload} loading={list.loading}>{t('cs_refresh')}</Button>}>
        {list.error && <LoadError error={list.error} retry={list.reload} />}
        <List loading={list.loading} dataSource={list.data?.consultations ?? []} locale={{ emptyText: <Empty description={t('cs_empty')} /> }}
          renderItem={(c) => <Mine key={`${c.id}-${c.status}`} c={c} onDone={list.reload} />} />
      </Section>
    </Space>
  );
}

function NewConsultation({ onDone }: { onDone(): void }) {
  const { t, lang } = usePrefs();
  const [params] = useSearchParams();
  const { account } = useAuth();
  const matters = useMatters();
  const [kind, setKind] = useState<Kind>('consultation');
  const [matterId, setMatterId] = useState<string | undefined>(params.get('matter') ?? undefined);
  const [text, setText] = useState(params.get('q') ?? '');
  const fromAsk = params.get('from') === 'ask';
  const { busy, error, setError, run } = useAction();
  const [msg, holder] = message.useMessage();
  const send = async () => {
    if (text.trim().length < 5) {
      setError(t('cs_tooShort'));
      return;
    }
    const ok = await run(async () => {
      const c = await post<Consultation>('/api/consultations', { kind, text, ...(matterId ? { matterId } : {}), source: fromAsk ? 'ask' : 'portal' });
      msg.success(<>{t('cs_sentNumber', { number: c.number })}<span lang="zh-CN">{c.departmentName}</span>{t('cs_sentDue', { day: lang === 'zh' ? c.dueDate : dayText(c.dueDate, 'en') })}</>);
    });
    if (ok) {
      setText('');
      onDone();
    }
  };
  return (
    <Section title={t('cs_new')} level={2}>
      {holder}
      {fromAsk && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('cs_fromAsk')} />}
      <Form layout="vertical" onFinish={send} disabled={!account}>
        <Form.Item label={t('cs_kind')} htmlFor="consult-kind">
          <Radio.Group id="consult-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)} options={KINDS.map((k) => ({ value: k.value, label: t(k.label) }))} optionType="button" />
        </Form.Item>
        <Form.Item label={t('cs_matter')} htmlFor="consult-matter">
          <Select id="consult-matter" allowClear value={matterId} onChange={setMatterId} placeholder={t('cs_matterHint')} style={{ maxWidth: 420 }}
            options={matters.list.map((m) => ({ value: m.id, label: <span lang="zh-CN">{m.name}</span> }))} loading={matters.loading} />
        </Form.Item>
        <Form.Item label={t('cs_text')} htmlFor="consult-text" extra={t('cs_textHint')} validateStatus={error ? 'error' : undefined} help={error ?? undefined}>
          <Input.TextArea id="consult-text" rows={4} maxLength={2000} showCount value={text} onChange={(e) => { setText(e.target.value); setError(null); }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>{t('cs_submit')}</Button>
      </Form>
    </Section>
  );
}

function Mine({ c, onDone }: { c: Consultation; onDone(): void }) {
  const { t, lang } = usePrefs();
  const [note, setNote] = useState('');
  const [back, setBack] = useState(false);
  const { busy, error, setError, run } = useAction();
  const close = async (resolved: boolean) => {
    if (!resolved && note.trim().length < 5) {
      setError(t('cs_noteTooShort'));
      return;
    }
    if (await run(() => post(`/api/consultations/${c.id}/close`, resolved ? { resolved } : { resolved, note }))) onDone();
  };
  return (
    <List.Item>
      <article style={{ width: '100%' }} aria-label={`${c.kindName} ${c.number}`}>
        <ConsultationHeading c={c} by={c.departmentName} />
        {c.reopenNote && <Typography.Paragraph type="secondary">{t('cs_reopenNote')}<span lang="zh-CN">{c.reopenNote}</span></Typography.Paragraph>}
        {c.answer && (
          <Alert type={c.status === 'closed' ? 'success' : 'info'} title={<><span lang="zh-CN">{c.answeredByName ?? c.departmentName}</span>{t('cs_answered', { at: minuteText(c.answeredAt, lang) })}</>} description={<span lang="zh-CN" style={{ whiteSpace: 'pre-wrap' }}>{c.answer}</span>} />
        )}
        {c.status === 'answered' && (
          <Space direction="vertical" style={{ marginTop: 8, width: '100%' }}>
            {back && (
              <Input.TextArea aria-label={t('cs_note')} rows={2} value={note} onChange={(e) => { setNote(e.target.value); setError(null); }} placeholder={t('cs_notePlaceholder')} />
            )}
            {error && <Alert type="error" showIcon title={error} />}
            <Space wrap>
              <Button type="primary" loading={busy} onClick={() => close(true)}>{t('cs_resolved')}</Button>
              {c.reopens === 0 && (back
                ? <Button loading={busy} onClick={() => close(false)}>{t('cs_sendBack')}</Button>
                : <Button onClick={() => setBack(true)}>{t('cs_notResolved')}</Button>)}
            </Space>
          </Space>
        )}
      </article>
    </List.Item>
  );
}
