/** The shared-data records a reviewer confirms: only the item's fields, fetched when asked (each look is audited). */
import { Alert, Button, Descriptions, Space, Typography } from 'antd';
import { useState } from 'react';
import type { Static } from 'typebox';
import type { SharedRecordsAnswer } from '../../contracts/tasks.ts';
import { get } from '../shared/api.ts';
import { useAction } from '../shared/useAction.ts';
import { Section } from '../window/ui.tsx';

type Records = Static<typeof SharedRecordsAnswer>['records'];

export function SharedRecords({ base, materials }: { base: string; materials: { exemption: { kind: string; fields?: string[] } | null }[] }) {
  const [records, setRecords] = useState<Records | null>(null);
  const { busy, error, run } = useAction();
  if (!materials.some((m) => m.exemption?.kind === 'shared-data' && m.exemption.fields)) return null;
  return (
    <Section title="共享数据核对">
      <Typography.Paragraph type="secondary">以下材料已由共享数据代替。查看时只显示本事项审查所需的字段，每次查看都会记入审计日志。</Typography.Paragraph>
      {records === null ? (
        <Button loading={busy} onClick={() => void run(async () => setRecords((await get<{ records: Records }>(`${base}/shared-records`)).records))}>查看共享数据</Button>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {records.map((r) => r.found ? (
            <Descriptions key={r.material} size="small" bordered column={1} title={`${r.materialName}（${r.register}）`}
              items={r.fields.map((f) => ({ key: f.field, label: f.label, children: f.value }))} />
          ) : <Alert key={r.material} type="warning" showIcon title={`${r.materialName}：${r.register}中没有申请人的记录，请要求申请人提交该材料`} />)}
        </Space>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} />}
    </Section>
  );
}
