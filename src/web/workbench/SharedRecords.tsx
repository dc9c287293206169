/** The shared-data records a reviewer confirms: only the item's fields, fetched when asked (each look is audited). */
import { Alert, Button, Descriptions, Space, Typography } from 'antd';
import { useState } from 'react';
import type { Static } from 'typebox';
import type { SharedRecordsAnswer } from '../../contracts/tasks.ts';
import { get } from '../shared/api.ts';
import { useAction } from '../shared/useAction.ts';
import { Section } from '../window/ui.tsx';
import { usePrefs } from '../shared/prefs.tsx';

type Records = Static<typeof SharedRecordsAnswer>['records'];

export function SharedRecords({ base, materials }: { base: string; materials: { exemption: { kind: string; fields?: string[] } | null }[] }) {
  const { t } = usePrefs();
  const [records, setRecords] = useState<Records | null>(null);
  const { busy, error, run } = useAction();
  if (!materials.some((m) => m.exemption?.kind === 'shared-data' && m.exemption.fields)) return null;
  return (
    <Section title={t('wbSharedDataCheck')}>
      <Typography.Paragraph type="secondary">{t('wbTheseMaterialsAreReplaced')}</Typography.Paragraph>
      {records === null ? (
        <Button loading={busy} onClick={() => void run(async () => setRecords((await get<{ records: Records }>(`${base}/shared-records`)).records))}>{t('wbViewSharedData')}</Button>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {records.map((r) => r.found ? (
            <Descriptions key={r.material} size="small" bordered column={1} title={t('wbSep11', { materialName: r.materialName, register: r.register })}
              items={r.fields.map((f) => ({ key: f.field, label: f.label, children: f.value }))} />
          ) : <Alert key={r.material} type="warning" showIcon title={t('wbHasNoRecordFor', { materialName: r.materialName, register: r.register })} />)}
        </Space>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} />}
    </Section>
  );
}
