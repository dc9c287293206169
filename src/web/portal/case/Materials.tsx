/** The materials of a draft: those to upload, and those spared with the evidence that spares them. */
import { Card, Collapse, Space, Tag, Typography } from 'antd';
import { CommitmentChoice } from './Commitments.tsx';
import { MaterialUpload } from './MaterialUpload.tsx';
import type { CaseView } from './types.ts';
import { MUTED } from '../../shared/form/muted.ts';
import { EXEMPTION_TEXT } from '../../../core/planning/labels.ts';

export function ExemptMaterials({ view, open = false }: { view: CaseView; open?: boolean }) {
  const exempt = view.materials.filter((m) => m.status === 'exempt');
  if (exempt.length === 0) return null;
  return (
    <Collapse defaultActiveKey={open ? ['exempt'] : []} items={[{
      key: 'exempt',
      label: <span>无需提交的材料（{exempt.length} 份）<Typography.Text style={MUTED}>：部门通过电子证照、数据共享或前一个事项的结果直接获取</Typography.Text></span>,
      children: (
        <ul style={{ paddingInlineStart: '1.3em', margin: 0 }}>
          {exempt.map((m) => (
            <li key={m.id} style={{ marginBottom: 8 }}>
              <div>{m.name} <Tag color="green">无需提交</Tag>{m.exemption && <Tag color="blue">{EXEMPTION_TEXT[m.exemption.kind]}</Tag>}</div>
              {m.exemption && <Typography.Text style={MUTED}>{m.exemption.evidence}</Typography.Text>}
            </li>
          ))}
        </ul>
      ),
    }]} />
  );
}

export function DraftMaterials({ view, onUploaded }: { view: CaseView; onUploaded(): void }) {
  const required = view.materials.filter((m) => m.status === 'required');
  const planned = new Map((view.plan?.materials ?? []).map((m) => [m.id, m]));
  return (
    <Card title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>第二步：上传材料</h3>}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {required.length === 0
          ? <Typography.Paragraph style={{ margin: 0 }}><Typography.Text strong>本次不需要上传任何材料。</Typography.Text></Typography.Paragraph>
          : (
            <>
              <Typography.Paragraph style={{ margin: 0 }}>需要上传 {required.length} 份材料{required.some((m) => m.deferrable) ? '；标有“可容缺”的可以先提交申请，之后再补交' : ''}。</Typography.Paragraph>
              {required.map((m) => <MaterialUpload key={m.id} caseId={view.id} material={m} planned={planned.get(m.id)} onUploaded={onUploaded} />)}
            </>
          )}
        <CommitmentChoice view={view} onSigned={onUploaded} />
        <ExemptMaterials view={view} />
      </Space>
    </Card>
  );
}
