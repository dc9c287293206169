/** The filled-in form, read only: each section with its fields and values (personal ones stay masked). */
import { Descriptions, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { displayValue, fieldSpecs, isEmpty, type MergedForm, type Values } from './schema.ts';
import { MUTED } from './muted.ts';

export function FormSummary({ form, values }: { form: MergedForm; values: Values }) {
  const specs = useMemo(() => fieldSpecs(form), [form]);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {form.sections.map((section) => (
        <section key={section.id} aria-label={section.title}>
          <Typography.Title level={4} style={{ fontSize: '1.05em' }}>{section.title}</Typography.Title>
          <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2 }} items={section.fields.map((key) => {
            const spec = specs.get(key);
            const v = values[key];
            return {
              key,
              label: spec?.label ?? key,
              children: isEmpty(v) ? <Typography.Text style={MUTED}>未填写</Typography.Text> : <span style={{ overflowWrap: 'anywhere' }}>{displayValue(spec, v)}</span>,
            };
          })} />
        </section>
      ))}
    </Space>
  );
}
