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
import { fmtTime, LoadError, Section } from './ui.tsx';

const KINDS = [{ value: 'consultation', label: '咨询' }, { value: 'suggestion', label: '建议' }, { value: 'complaint', label: '投诉' }];
const MOBILE = /^1[3-9]\d{9}$/;

export function WalkIn() {
  usePageTitle('综合窗口 来访咨询登记');
  const list = useLoad(() => get<Consultations>('/api/window/walk-in-consultations'), []);
  const rows = list.data?.consultations ?? [];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography.Title level={1} style={{ margin: 0 }}>来访咨询登记</Typography.Title>
        <LinkButton to="/window">返回综合窗口</LinkButton>
      </div>
      <RecordForm onDone={list.reload} />
      <Section title={`已登记的来访咨询（${rows.length}）`} extra={<Button onClick={list.reload} loading={list.loading}>刷新</Button>}>
        {list.error && <LoadError error={list.error} retry={list.reload} />}
        <List loading={list.loading} dataSource={rows} locale={{ emptyText: <Empty description="暂无来访咨询" /> }}
          renderItem={(c) => <Item key={`${c.id}-${c.status}`} c={c} onDone={list.reload} />} />
      </Section>
    </Space>
  );
}

function RecordForm({ onDone }: { onDone(): void }) {
  const matters = useMatters();
  const [kind, setKind] = useState('consultation');
  const [name, setName] = useState('');
  const [mobile, setMobile] = useState('');
  const [matter, setMatter] = useState<string | undefined>(undefined);
  const [text, setText] = useState('');
  const [done, setDone] = useState<Consultation | null>(null);
  const { busy, error, setError, run } = useAction();
  const send = async () => {
    if (name.trim() === '') return setError('请填写来访群众的姓名');
    if (!MOBILE.test(mobile.trim())) return setError('请填写 11 位手机号，答复将以短信告知');
    if (text.trim().length < 5) return setError('内容至少 5 个字');
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
    <Section title="登记来访群众的咨询、建议或投诉" level={2}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">来访群众没有办件时在此登记，由相关部门答复（未选一件事的由政务服务中心答复），答复以短信发送到群众手机。</Typography.Text>
        <Radio.Group aria-label="类别" value={kind} onChange={(e) => setKind(e.target.value as string)} options={KINDS} optionType="button" />
        <label htmlFor="walk-in-name">来访群众姓名</label>
        <Input id="walk-in-name" maxLength={50} value={name} onChange={(e) => { setName(e.target.value); clear(); }} autoComplete="off" />
        <label htmlFor="walk-in-mobile">手机号</label>
        <Input id="walk-in-mobile" inputMode="numeric" maxLength={11} value={mobile} onChange={(e) => { setMobile(e.target.value); clear(); }} autoComplete="off" />
        <label htmlFor="walk-in-matter">涉及的一件事（可不选）</label>
        <Select id="walk-in-matter" allowClear showSearch optionFilterProp="label" placeholder="不涉及具体一件事" value={matter} onChange={(v: string | undefined) => setMatter(v)}
          options={matters.list.map((m) => ({ value: m.id, label: m.name }))} style={{ maxWidth: 420 }} />
        <label htmlFor="walk-in-text">内容</label>
        <Input.TextArea id="walk-in-text" rows={3} maxLength={2000} value={text} onChange={(e) => { setText(e.target.value); clear(); }} />
        {error && <Alert type="error" showIcon title={error} />}
        {done && <Alert type="success" showIcon title={`已登记${done.kindName}，编号 ${done.number}，${done.departmentName}将于 ${done.dueDate} 前答复，答复将以短信告知 ${done.visitor?.mobile ?? ''}`} />}
        <Button type="primary" loading={busy} onClick={send}>登记</Button>
      </Space>
    </Section>
  );
}

function Item({ c, onDone }: { c: Consultation; onDone(): void }) {
  const [note, setNote] = useState('');
  const [msg, holder] = message.useMessage();
  const { busy, error, setError, run } = useAction();
  const close = async (resolved: boolean) => {
    if (!resolved && note.trim().length < 5) return setError('退回时请写明仍未解决的问题，至少 5 个字');
    if (await run(() => post(`/api/window/walk-in-consultations/${c.id}/close`, resolved ? { resolved } : { resolved, note }))) {
      msg.success(resolved ? `${c.number}：已办结` : `${c.number}：已退回再次答复`);
      onDone();
    }
  };
  const v = c.visitor;
  const id = `walk-in-note-${c.id}`;
  return (
    <List.Item>
      {holder}
      <article style={{ width: '100%' }} aria-label={`${c.kindName} ${c.number}`}>
        <ConsultationHeading c={c} by={`${c.departmentName}答复`} />
        {v && <Typography.Paragraph>来访群众：{v.name}，手机 {v.mobile}</Typography.Paragraph>}
        {c.reopenNote && <Alert type="warning" showIcon title={`群众退回：${c.reopenNote}`} style={{ marginBottom: 8 }} />}
        {c.answer && <Typography.Paragraph type="secondary">答复（{c.answeredByName ?? ''}，{fmtTime(c.answeredAt)}）：{c.answer}</Typography.Paragraph>}
        {c.answer && v && (v.smsSentAt
          ? <Typography.Paragraph>答复已于 {fmtTime(v.smsSentAt)} 短信告知群众。</Typography.Paragraph>
          : <Alert type="warning" showIcon title="答复短信未能发出，请电话告知群众。" style={{ marginBottom: 8 }} />)}
        {c.status === 'answered' && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text type="secondary">群众当面或电话确认后在此记录。</Typography.Text>
            <label htmlFor={id}>仍未解决的问题（退回时填写）</label>
            <Input.TextArea id={id} rows={2} maxLength={1000} value={note} onChange={(e) => { setNote(e.target.value); setError(null); }} />
            {error && <Alert type="error" showIcon title={error} />}
            <Space wrap>
              <Button type="primary" loading={busy} onClick={() => close(true)}>群众确认已解决</Button>
              {c.reopens === 0 && <Button loading={busy} onClick={() => close(false)}>退回再次答复</Button>}
            </Space>
          </Space>
        )}
      </article>
    </List.Item>
  );
}
