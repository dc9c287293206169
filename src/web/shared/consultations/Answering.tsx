/** The department's 咨询投诉 to answer, soonest due first: in the workbench, and at the service centre's window. */
import { Alert, Button, Empty, Input, List, Select, Space, Typography, message } from 'antd';
import { useState } from 'react';
import type { Consultation, Consultations } from '../../../contracts/index.ts';
import { fmtTime, LoadError, Section } from '../../window/ui.tsx';
import { get, post } from '../api.ts';
import { useAction } from '../useAction.ts';
import { useLoad } from '../useLoad.ts';
import { ConsultationHeading } from './Heading.tsx';

type Filter = '' | Consultation['status'];

export function Answering() {
  const [status, setStatus] = useState<Filter>('open');
  const list = useLoad(() => get<Consultations>(`/api/department/consultations${status ? `?status=${status}` : ''}`), [status]);
  const rows = list.data?.consultations ?? [];
  const [msg, holder] = message.useMessage();
  return (
    <Section title={`咨询投诉（${rows.length}）`} extra={<Button onClick={list.reload} loading={list.loading}>刷新</Button>}>
      {holder}
      <Space wrap style={{ marginBottom: 12 }} align="center">
        <label htmlFor="consultation-status">状态</label>
        <Select id="consultation-status" value={status} onChange={setStatus} style={{ width: 180 }}
          options={[{ value: 'open', label: '待答复' }, { value: 'answered', label: '已答复，待确认' }, { value: 'closed', label: '已办结' }, { value: '', label: '全部' }]} />
      </Space>
      {list.error && <LoadError error={list.error} retry={list.reload} />}
      <List loading={list.loading} dataSource={rows} locale={{ emptyText: <Empty description={status === 'open' ? '没有待答复的咨询投诉' : '暂无'} /> }}
        renderItem={(c) => <Item key={`${c.id}-${c.status}`} c={c} onDone={() => { msg.success(`${c.number}：已答复，答复将送达申请人`); list.reload(); }} />} />
    </Section>
  );
}

function Item({ c, onDone }: { c: Consultation; onDone(): void }) {
  const [answer, setAnswer] = useState('');
  const { busy, error, setError, run } = useAction();
  const send = async () => {
    if (answer.trim().length < 5) {
      setError('答复至少 5 个字');
      return;
    }
    if (await run(() => post(`/api/department/consultations/${c.id}/answer`, { answer }))) onDone();
  };
  const id = `answer-${c.id}`;
  return (
    <List.Item>
      <article style={{ width: '100%' }} aria-label={`${c.kindName} ${c.number}`}>
        <ConsultationHeading c={c} by={c.sourceName} />
        {c.reopenNote && <Alert type="warning" showIcon title={`申请人退回：${c.reopenNote}`} style={{ marginBottom: 8 }} />}
        {c.answer && <Typography.Paragraph type="secondary">答复（{c.answeredByName ?? ''}，{fmtTime(c.answeredAt)}）：{c.answer}</Typography.Paragraph>}
        {c.status === 'open' && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <label htmlFor={id}>答复内容</label>
            <Input.TextArea id={id} rows={3} maxLength={2000} value={answer} onChange={(e) => { setAnswer(e.target.value); setError(null); }} />
            {error && <Alert type="error" showIcon title={error} />}
            <Button type="primary" loading={busy} onClick={send}>发送答复</Button>
          </Space>
        )}
      </article>
    </List.Item>
  );
}
