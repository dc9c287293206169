/** The filled-in form, read only: each section with its fields and values (personal ones stay masked). */
import { Descriptions, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { displayValue, fieldSpecs, isEmpty, type MergedForm, type Values } from './schema.ts';
import { MUTED } from './muted.ts';
import { usePrefs } from '../prefs.tsx';

export function FormSummary({ form, values }: { form: MergedForm; values: Values }) {
  const { t } = usePrefs();
  const specs = useMemo(() => fieldSpecs(form), [form]);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {form.sections.map((section) => (
        <section key={section.id} aria-labelledby={`summary-${section.id}`}>
          {/* Section titles, field labels and answers are catalogue data or the applicant's words. */}
          <Typography.Title level={4} id={`summary-${section.id}`} lang="zh-CN" style={{ fontSize: '1.05em' }}>{section.title}</Typography.Title>
          <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2 }} items={section.fields.map((key) => {
            const spec = specs.get(key);
            const v = values[key];
            return {
              key,
              label: <span lang="zh-CN">{spec?.label ?? key}</span>,
              children: isEmpty(v) ? <Typography.Text style={MUTED}>{t('rv_notFilled')}</Typography.Text> : <span lang="zh-CN" style={{ overflowWrap: 'anywhere' }}>{displayValue(spec, v)}</span>,
            };
          })} />
        </section>
      ))}
    </Space>
  );
}
