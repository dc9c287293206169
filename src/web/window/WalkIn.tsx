/**
 * 来访咨询: a visitor at the window with no case asks, suggests or complains; the clerk takes down the
 * name and mobile, the department concerned answers, the answer goes to the visitor by SMS, and the
 * clerk records whether it resolved the question (the visitor has no account to confirm it in).
 */
import { Alert, Button, Empty, Input, List, Radio, Select, Space, Typography, message } from 'antd';
import { useState } from 'react';
import type { Consultation, Consultations } from '../../contracts/index.ts';
import { get, post } from '../shared/api.ts';
import { ConsultationHeading } from '../shared/consultations/Heading.tsx';
import { LinkButton } from '../shared/LinkButton.tsx';
import { useAction } from '../shared/useAction.ts';
import { useLoad } from '../shared/useLoad.ts';
import { useMatters } from '../shared/useMatters.ts';
import { usePageTitle } from '../shared/usePageTitle.ts';
import { fmtTime, LoadError, Section, SLOT, WithData } from './ui.tsx';
import { usePrefs } from '../shared/prefs.tsx';

const KINDS = [{ value: 'consultation', label: 'winEnquiry' }, { value: 'suggestion', label: 'winSuggestion' }, { value: 'complaint', label: 'winComplaint' }];
const MOBILE = /^1[3-9]\d{9}$/;

export function WalkIn() {
  const { t } = usePrefs();
  usePageTitle(t('winWindowWalkInEnquiries'));
  const list = useLoad(() => get<Consultations>('/api/window/walk-in-consultations'), []);
  const rows = list.data?.consultations ?? [];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography.Title level={1} style={{ margin: 0 }}>{t('winWalkInEnquiries')}</Typography.Title>
        <LinkButton to="/window">{t('winBackToTheWindow2')}</LinkButton>
      </div>
      <RecordForm onDone={list.reload} />
      <Section title={t('winRecordedWalkInEnquiries', { n: rows.length })} extra={<Button onClick={list.reload} loading={list.loading}>{t('winRefresh')}</Button>}>
        {list.error && <LoadError error={list.error} retry={list.reload} />}
        <List loading={list.loading} dataSource={rows} locale={{ emptyText: <Empty description={t('winNoWalkInEnquiries')} /> }}
          renderItem={(c) => <Item key={`${c.id}-${c.status}`} c={c} onDone={list.reload} />} />
      </Section>
    </Space>
  );
}

function RecordForm({ onDone }: { onDone(): void }) {
  const { t } = usePrefs();
  const matters = useMatters();
  const [kind, setKind] = useState('consultation');
  const [name, setName] = useState('');
  const [mobile, setMobile] = useState('');
  const [matter, setMatter] = useState<string | undefined>(undefined);
  const [text, setText] = useState('');
  const [done, setDone] = useState<Consultation | null>(null);
  const { busy, error, setError, run } = useAction();
  const send = async () => {
    if (name.trim() === '') return setError(t('winEnterTheVisitorS'));
    if (!MOBILE.test(mobile.trim())) return setError(t('winEnterAn11Digit'));
    if (text.trim().length < 5) return setError(t('winAtLeast5Characters'));
    const ok = await run(async () => {
      setDone(await post<Consultation>('/api/window/walk-in-consultations', { kind, text, visitorName: name.trim(), visitorMobile: mobile.trim(), ...(matter ? { matterId: matter } : {}) }));
    });
    if (ok) {
      setName('');
      setMobile('');
      setMatter(undefined);
      setText('');
      onDone();
    }
  };
  const clear = () => setError(null);
  return (
    <Section title={t('winRecordAVisitorS')} level={2}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('winForVisitorsWithoutA')}</Typography.Text>
        <Radio.Group aria-label={t('winType')} value={kind} onChange={(e) => setKind(e.target.value as string)} options={KINDS} optionType="button" />
        <label htmlFor="walk-in-name">{t('winVisitorSName')}</label>
        <Input id="walk-in-name" maxLength={50} value={name} onChange={(e) => { setName(e.target.value); clear(); }} autoComplete="off" />
        <label htmlFor="walk-in-mobile">{t('winMobile')}</label>
        <Input id="walk-in-mobile" inputMode="numeric" maxLength={11} value={mobile} onChange={(e) => { setMobile(e.target.value); clear(); }} autoComplete="off" />
        <label htmlFor="walk-in-matter">{t('winMatterConcernedOptional')}</label>
        <Select id="walk-in-matter" allowClear showSearch optionFilterProp="label" placeholder={t('winNoParticularMatter')} value={matter} onChange={(v: string | undefined) => setMatter(v)}
          options={matters.list.map((m) => ({ value: m.id, label: m.name }))} style={{ maxWidth: 420 }} />
        <label htmlFor="walk-in-text">{t('winContent')}</label>
        <Input.TextArea id="walk-in-text" rows={3} maxLength={2000} value={text} onChange={(e) => { setText(e.target.value); clear(); }} />
        {error && <Alert type="error" showIcon title={error} />}
        {done && <Alert type="success" showIcon title={t('winRecordedNumberAnswersBy2', { kindName: done.kindName, number: done.number, departmentName: done.departmentName, dueDate: done.dueDate, p4: done.visitor?.mobile ?? '' })} />}
        <Button type="primary" loading={busy} onClick={send}>{t('winRecord')}</Button>
      </Space>
    </Section>
  );
}

function Item({ c, onDone }: { c: Consultation; onDone(): void }) {
  const { t } = usePrefs();
  const [note, setNote] = useState('');
  const [msg, holder] = message.useMessage();
  const { busy, error, setError, run } = useAction();
  const close = async (resolved: boolean) => {
    if (!resolved && note.trim().length < 5) return setError(t('winWhenSendingBackSay'));
    if (await run(() => post(`/api/window/walk-in-consultations/${c.id}/close`, resolved ? { resolved } : { resolved, note }))) {
      msg.success(resolved ? t('winCompleted2', { number: c.number }) : t('winSentBackForAnother', { number: c.number }));
      onDone();
    }
  };
  const v = c.visitor;
  const id = `walk-in-note-${c.id}`;
  return (
    <List.Item>
      {holder}
      <article style={{ width: '100%' }} aria-label={`${t(`con_kind_${c.kind}`)} ${c.number}`}>
        <ConsultationHeading c={c} by={<WithData text={t('winAnswerFrom', { departmentName: SLOT })} data={c.departmentName} />} />
        {v && <Typography.Paragraph>{t('winVisitor')}<span lang="zh-CN">{v.name}</span>{t('winMobile2')} {v.mobile}</Typography.Paragraph>}
        {c.reopenNote && <Alert type="warning" showIcon title={t('winSentBackByThe', { reopenNote: c.reopenNote })} style={{ marginBottom: 8 }} />}
        {c.answer && <Typography.Paragraph type="secondary">{t('winAnswer')}<span lang="zh-CN">{c.answeredByName ?? ''}</span>{t('winSep14')}{fmtTime(c.answeredAt)}{t('winSep15')}<span lang="zh-CN">{c.answer}</span></Typography.Paragraph>}
        {c.answer && v && (v.smsSentAt
          ? <Typography.Paragraph>{t('winTheAnswerWasSent')} {fmtTime(v.smsSentAt)} {t('winSep16')}</Typography.Paragraph>
          : <Alert type="warning" showIcon title={t('winTheAnswerSmsCould')} style={{ marginBottom: 8 }} />)}
        {c.status === 'answered' && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text type="secondary">{t('winRecordHereAfterThe')}</Typography.Text>
            <label htmlFor={id}>{t('winWhatIsStillUnresolved')}</label>
            <Input.TextArea id={id} rows={2} maxLength={1000} value={note} onChange={(e) => { setNote(e.target.value); setError(null); }} />
            {error && <Alert type="error" showIcon title={error} />}
            <Space wrap>
              <Button type="primary" loading={busy} onClick={() => close(true)}>{t('winVisitorConfirmsResolved')}</Button>
              {c.reopens === 0 && <Button loading={busy} onClick={() => close(false)}>{t('winSendBackForAnother')}</Button>}
            </Space>
          </Space>
        )}
      </article>
    </List.Item>
  );
}
