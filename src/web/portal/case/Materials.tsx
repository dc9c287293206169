/** The materials of a draft: those to upload, and those spared with the evidence that spares them. */
import { Card, Collapse, Space, Tag, Typography } from 'antd';
import { CommitmentChoice } from './Commitments.tsx';
import { MaterialUpload } from './MaterialUpload.tsx';
import type { CaseView } from './types.ts';
import { MUTED } from '../../shared/form/muted.ts';
import { exemptionText } from '../../shared/planLabels.ts';
import { usePrefs } from '../../shared/prefs.tsx';

export function ExemptMaterials({ view, open = false }: { view: CaseView; open?: boolean }) {
  const { t } = usePrefs();
  const exempt = view.materials.filter((m) => m.status === 'exempt');
  if (exempt.length === 0) return null;
  return (
    <Collapse defaultActiveKey={open ? ['exempt'] : []} items={[{
      key: 'exempt',
      label: <span>{t('mat_exemptTitle', { n: exempt.length })}<Typography.Text style={MUTED}>{t('mat_exemptWhy')}</Typography.Text></span>,
      children: (
        <ul style={{ paddingInlineStart: '1.3em', margin: 0 }}>
          {exempt.map((m) => (
            <li key={m.id} style={{ marginBottom: 8 }}>
              <div><span lang="zh-CN">{m.name}</span> <Tag color="green">{t('mat_notNeeded')}</Tag>{m.exemption && <Tag color="blue">{exemptionText(m.exemption.kind)}</Tag>}</div>
              {m.exemption && <Typography.Text style={MUTED} lang="zh-CN">{m.exemption.evidence}</Typography.Text>}
            </li>
          ))}
        </ul>
      ),
    }]} />
  );
}

export function DraftMaterials({ view, onUploaded }: { view: CaseView; onUploaded(): void }) {
  const { t } = usePrefs();
  const required = view.materials.filter((m) => m.status === 'required');
  const planned = new Map((view.plan?.materials ?? []).map((m) => [m.id, m]));
  return (
    <Card title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t('mat_step2')}</h3>}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {required.length === 0
          ? <Typography.Paragraph style={{ margin: 0 }}><Typography.Text strong>{t('mat_none')}</Typography.Text></Typography.Paragraph>
          : (
            <>
              <Typography.Paragraph style={{ margin: 0 }}>{t('mat_toUpload', { n: required.length })}{required.some((m) => m.deferrable) ? t('mat_deferrable') : ''}{t('case_period')}</Typography.Paragraph>
              {required.map((m) => <MaterialUpload key={m.id} caseId={view.id} material={m} planned={planned.get(m.id)} onUploaded={onUploaded} />)}
            </>
          )}
        <CommitmentChoice view={view} onSigned={onUploaded} />
        <ExemptMaterials view={view} />
      </Space>
    </Card>
  );
}
