/**
 * A case waiting for corrections (待补正, 行政许可法 §32): every correction the window told at once, an
 * upload on each named material, an input for each named field, and 已补正 — which the server refuses
 * while a named material has nothing new. Everything else already given stays as it is.
 */
import { Alert, Button, Card, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorText, post } from '../../shared/api.ts';
import { MUTED } from '../../shared/form/muted.ts';
import { MaterialUpload } from './MaterialUpload.tsx';
import type { CaseView } from './types.ts';
import { plainDay } from '../../shared/dates.ts';
import { fillNodes, Zh } from '../../shared/fillNodes.tsx';
import { usePrefs } from '../../shared/prefs.tsx';

export function Corrections({ view, onChange, onUploaded }: { view: CaseView; onChange(v: CaseView): void; onUploaded(): void }) {
  const { t, lang } = usePrefs();
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const told = view.correction;
  if (view.status !== 'correcting' || !told) return null;
  const notice = view.documents.find((d) => d.kind === 'corrections');

  const resubmit = async () => {
    setBusy(true);
    try {
      const given = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v !== ''));
      onChange(await post<CaseView>(`/api/cases/${view.id}/resubmit`, { values: given }));
      setError(null);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={<h3 style={{ margin: 0, fontSize: 'inherit', whiteSpace: 'normal' }}>{t('cr_title')}</h3>}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Alert type="warning" showIcon title={`${t('cr_told', { day: plainDay(told.requestedOn, lang), n: told.items.length })}${told.deadline ? t('cr_deadline', { day: plainDay(told.deadline, lang) }) : ''}`}
          description={t('cr_text')} />
        {notice && <Button href={notice.url} target="_blank" rel="noopener noreferrer" style={{ alignSelf: 'flex-start' }}>{t('cr_notice')}</Button>}
        <ol style={{ margin: 0, paddingInlineStart: '1.4em' }}>
          {told.items.map((x) => {
            const material = x.material !== undefined ? view.materials.find((m) => m.id === x.material) : undefined;
            const planned = view.plan?.materials.find((m) => m.id === x.material);
            return (
              <li key={x.material ?? x.field} style={{ marginBottom: 16 }}>
                <Typography.Paragraph style={{ marginBottom: 8 }}>
                  <b lang="zh-CN">{x.name}</b>{x.field !== undefined && <Typography.Text style={MUTED}>{t('cr_field')}</Typography.Text>}{' '}
                  {x.supplied ? <Tag color="green">{t('cr_done')}</Tag> : <Tag color="orange">{t('cr_pending')}</Tag>}
                  <br />{t('cr_problem')}<Zh>{x.problem}</Zh>
                  <br />{t('cr_fix')}<Zh>{x.correction}</Zh>
                </Typography.Paragraph>
                {material && <MaterialUpload caseId={view.id} material={material} planned={planned} onUploaded={onUploaded} note={<>{t('cr_upload')}<Zh>{x.name}</Zh></>} />}
                {x.field !== undefined && (
                  <label style={{ display: 'block' }}>{fillNodes(t('cr_corrected'), { name: <Zh>{x.name}</Zh> })}
                    <Input value={values[x.field] ?? ''} maxLength={200} onChange={(e) => setValues((v) => ({ ...v, [x.field as string]: e.target.value }))} />
                  </label>
                )}
              </li>
            );
          })}
        </ol>
        {error && <Alert type="error" showIcon title={error} role="alert" />}
        <Button type="primary" size="large" loading={busy} onClick={resubmit}>{t('cr_submit')}</Button>
      </Space>
    </Card>
  );
}
