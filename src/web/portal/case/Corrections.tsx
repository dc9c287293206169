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

export function Corrections({ view, onChange, onUploaded }: { view: CaseView; onChange(v: CaseView): void; onUploaded(): void }) {
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
    <Card title={<h3 style={{ margin: 0, fontSize: 'inherit', whiteSpace: 'normal' }}>请补正申请材料</h3>}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Alert type="warning" showIcon title={`综合窗口于 ${told.requestedOn} 一次性告知了 ${told.items.length} 项需补正的内容${told.deadline ? `，请于 ${told.deadline} 前补正` : ''}`}
          description="请逐项上传补正后的材料或更正填写的内容，全部补正后点击“已补正”。已提交的申请表和其他材料继续有效，无需重新申请；也可以携带材料到综合窗口补正。" />
        {notice && <Button href={notice.url} target="_blank" rel="noopener noreferrer" style={{ alignSelf: 'flex-start' }}>查看补正材料通知书（PDF，新窗口打开）</Button>}
        <ol style={{ margin: 0, paddingInlineStart: '1.4em' }}>
          {told.items.map((x) => {
            const material = x.material !== undefined ? view.materials.find((m) => m.id === x.material) : undefined;
            const planned = view.plan?.materials.find((m) => m.id === x.material);
            return (
              <li key={x.material ?? x.field} style={{ marginBottom: 16 }}>
                <Typography.Paragraph style={{ marginBottom: 8 }}>
                  <b>{x.name}</b>{x.field !== undefined && <Typography.Text style={MUTED}>（申请表填写事项）</Typography.Text>}{' '}
                  {x.supplied ? <Tag color="green">已补正</Tag> : <Tag color="orange">待补正</Tag>}
                  <br />存在问题：{x.problem}
                  <br />补正要求：{x.correction}
                </Typography.Paragraph>
                {material && <MaterialUpload caseId={view.id} material={material} planned={planned} onUploaded={onUploaded} note={`请上传补正后的${x.name}`} />}
                {x.field !== undefined && (
                  <label style={{ display: 'block' }}>更正后的“{x.name}”
                    <Input value={values[x.field] ?? ''} maxLength={200} onChange={(e) => setValues((v) => ({ ...v, [x.field as string]: e.target.value }))} />
                  </label>
                )}
              </li>
            );
          })}
        </ol>
        {error && <Alert type="error" showIcon title={error} role="alert" />}
        <Button type="primary" size="large" loading={busy} onClick={resubmit}>已补正，提交给综合窗口</Button>
      </Space>
    </Card>
  );
}
