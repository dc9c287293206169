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
import { fmtTime, LoadError, RequireRole, Section } from '../window/ui.tsx';

const KINDS = [{ value: 'consultation', label: '咨询' }, { value: 'suggestion', label: '建议' }, { value: 'complaint', label: '投诉' }] as const;
type Kind = (typeof KINDS)[number]['value'];

export default function Consult() {
  usePageTitle('我的咨询');
  return (
    <RequireRole roles={['applicant']} what="我的咨询">
      <Typography.Title level={1}>咨询、建议和投诉</Typography.Title>
      <Typography.Paragraph>由相关部门的工作人员答复，答复会通过站内消息和短信通知您。也可拨打 12345 政务服务便民热线。</Typography.Paragraph>
      <Page />
    </RequireRole>
  );
}

function Page() {
  const list = useLoad(() => get<Consultations>('/api/consultations'), []);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <NewConsultation onDone={list.reload} />
      <Section title={`我提交的（${list.data?.consultations.length ?? 0}）`} level={2} extra={<Button onClick={list.reload} loading={list.loading}>刷新</Button>}>
        {list.error && <LoadError error={list.error} retry={list.reload} />}
        <List loading={list.loading} dataSource={list.data?.consultations ?? []} locale={{ emptyText: <Empty description="还没有咨询、建议或投诉" /> }}
          renderItem={(c) => <Mine key={`${c.id}-${c.status}`} c={c} onDone={list.reload} />} />
      </Section>
    </Space>
  );
}

function NewConsultation({ onDone }: { onDone(): void }) {
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
      setError('请把问题写清楚，至少 5 个字');
      return;
    }
    const ok = await run(async () => {
      const c = await post<Consultation>('/api/consultations', { kind, text, ...(matterId ? { matterId } : {}), source: fromAsk ? 'ask' : 'portal' });
      msg.success(`已提交，编号 ${c.number}，${c.departmentName}将于 ${c.dueDate} 前答复`);
    });
    if (ok) {
      setText('');
      onDone();
    }
  };
  return (
    <Section title="我要咨询、建议或投诉" level={2}>
      {holder}
      {fromAsk && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="智能客服没能确切回答您的问题，已为您填好，提交后由工作人员答复。" />}
      <Form layout="vertical" onFinish={send} disabled={!account}>
        <Form.Item label="类别" htmlFor="consult-kind">
          <Radio.Group id="consult-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)} options={KINDS.map((k) => ({ ...k }))} optionType="button" />
        </Form.Item>
        <Form.Item label="涉及的一件事（可不选）" htmlFor="consult-matter">
          <Select id="consult-matter" allowClear value={matterId} onChange={setMatterId} placeholder="不确定可不选，由政务服务中心答复" style={{ maxWidth: 420 }}
            options={matters.list.map((m) => ({ value: m.id, label: m.name }))} loading={matters.loading} />
        </Form.Item>
        <Form.Item label="内容" htmlFor="consult-text" extra="请勿填写身份证号、手机号等个人号码；如填写，系统会自动隐去。" validateStatus={error ? 'error' : undefined} help={error ?? undefined}>
          <Input.TextArea id="consult-text" rows={4} maxLength={2000} showCount value={text} onChange={(e) => { setText(e.target.value); setError(null); }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>提交</Button>
      </Form>
    </Section>
  );
}

function Mine({ c, onDone }: { c: Consultation; onDone(): void }) {
  const [note, setNote] = useState('');
  const [back, setBack] = useState(false);
  const { busy, error, setError, run } = useAction();
  const close = async (resolved: boolean) => {
    if (!resolved && note.trim().length < 5) {
      setError('请写明仍未解决的问题，至少 5 个字');
      return;
    }
    if (await run(() => post(`/api/consultations/${c.id}/close`, resolved ? { resolved } : { resolved, note }))) onDone();
  };
  return (
    <List.Item>
      <article style={{ width: '100%' }} aria-label={`${c.kindName} ${c.number}`}>
        <ConsultationHeading c={c} by={c.departmentName} />
        {c.reopenNote && <Typography.Paragraph type="secondary">退回说明：{c.reopenNote}</Typography.Paragraph>}
        {c.answer && (
          <Alert type={c.status === 'closed' ? 'success' : 'info'} title={`${c.answeredByName ?? c.departmentName} 答复（${fmtTime(c.answeredAt)}）`} description={<span style={{ whiteSpace: 'pre-wrap' }}>{c.answer}</span>} />
        )}
        {c.status === 'answered' && (
          <Space direction="vertical" style={{ marginTop: 8, width: '100%' }}>
            {back && (
              <Input.TextArea aria-label="仍未解决的问题" rows={2} value={note} onChange={(e) => { setNote(e.target.value); setError(null); }} placeholder="写明仍未解决的问题" />
            )}
            {error && <Alert type="error" showIcon title={error} />}
            <Space wrap>
              <Button type="primary" loading={busy} onClick={() => close(true)}>问题已解决</Button>
              {c.reopens === 0 && (back
                ? <Button loading={busy} onClick={() => close(false)}>退回再次答复</Button>
                : <Button onClick={() => setBack(true)}>仍未解决</Button>)}
            </Space>
          </Space>
        )}
      </article>
    </List.Item>
  );
}
