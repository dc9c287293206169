/** 登记咨询投诉: the clerk records what the applicant of this case asks, suggests or complains about; a department answers. */
import { Alert, Button, Input, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import type { Consultation } from '../../contracts/index.ts';
import { post } from '../shared/api.ts';
import { useAction } from '../shared/useAction.ts';
import { Section } from './ui.tsx';

const KINDS = [{ value: 'consultation', label: '咨询' }, { value: 'suggestion', label: '建议' }, { value: 'complaint', label: '投诉' }];

export function ConsultationAtWindow({ caseId }: { caseId: string }) {
  const [kind, setKind] = useState('consultation');
  const [text, setText] = useState('');
  const [done, setDone] = useState<Consultation | null>(null);
  const { busy, error, setError, run } = useAction();
  const send = async () => {
    if (text.trim().length < 5) {
      setError('内容至少 5 个字');
      return;
    }
    await run(async () => {
      setDone(await post<Consultation>('/api/window/consultations', { kind, text, caseId }));
      setText('');
    });
  };
  return (
    <Section title="登记咨询、建议或投诉">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">申请人当面提出的，登记后由相关部门答复，申请人可在网上“我的咨询”中查看。</Typography.Text>
        <Radio.Group aria-label="类别" value={kind} onChange={(e) => setKind(e.target.value as string)} options={KINDS} optionType="button" />
        <label htmlFor="window-consultation">内容</label>
        <Input.TextArea id="window-consultation" rows={3} maxLength={2000} value={text} onChange={(e) => { setText(e.target.value); setError(null); }} />
        {error && <Alert type="error" showIcon title={error} />}
        {done && <Alert type="success" showIcon title={`已登记${done.kindName}，编号 ${done.number}，${done.departmentName}将于 ${done.dueDate} 前答复`} />}
        <Button loading={busy} onClick={send}>登记</Button>
      </Space>
    </Section>
  );
}
