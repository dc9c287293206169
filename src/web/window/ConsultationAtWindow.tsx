/** 登记咨询投诉: the clerk records what the applicant of this case asks, suggests or complains about; a department answers. */
import { Alert, Button, Input, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import type { Consultation } from '../../contracts/index.ts';
import { post } from '../shared/api.ts';
import { useAction } from '../shared/useAction.ts';
import { Section } from './ui.tsx';
import { usePrefs } from '../shared/prefs.tsx';

const KINDS = [{ value: 'consultation', label: 'winEnquiry' }, { value: 'suggestion', label: 'winSuggestion' }, { value: 'complaint', label: 'winComplaint' }];

export function ConsultationAtWindow({ caseId }: { caseId: string }) {
  const { t } = usePrefs();
  const [kind, setKind] = useState('consultation');
  const [text, setText] = useState('');
  const [done, setDone] = useState<Consultation | null>(null);
  const { busy, error, setError, run } = useAction();
  const send = async () => {
    if (text.trim().length < 5) {
      setError(t('winAtLeast5Characters'));
      return;
    }
    await run(async () => {
      setDone(await post<Consultation>('/api/window/consultations', { kind, text, caseId }));
      setText('');
    });
  };
  return (
    <Section title={t('winRecordAnEnquirySuggestion')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('winRaisedInPersonBy')}</Typography.Text>
        <Radio.Group aria-label={t('winType')} value={kind} onChange={(e) => setKind(e.target.value as string)} options={KINDS} optionType="button" />
        <label htmlFor="window-consultation">{t('winContent')}</label>
        <Input.TextArea id="window-consultation" rows={3} maxLength={2000} value={text} onChange={(e) => { setText(e.target.value); setError(null); }} />
        {error && <Alert type="error" showIcon title={error} />}
        {done && <Alert type="success" showIcon title={t('winRecordedNumberAnswersBy', { kindName: done.kindName, number: done.number, departmentName: done.departmentName, dueDate: done.dueDate })} />}
        <Button loading={busy} onClick={send}>{t('winRecord')}</Button>
      </Space>
    </Section>
  );
}
