/**
 * A condition built from parts: pick a question or field, an operator and a value; the rule the
 * catalogue uses is made from them and read back as a sentence. A rule beyond what the builder shows
 * stays as it is and is edited in the YAML.
 */
import { Button, Input, Radio, Select, Space, Typography } from 'antd';
import { useId } from 'react';
import { usePrefs } from '../../shared/prefs.tsx';
import { fromRule, OPS, opWord, sentence, toRule, typed, type Comparison, type Condition, type Op, type Subject, type Value } from './rules.ts';

export function ConditionBuilder({ rule, subjects, disabled, label, onChange }: {
  rule: unknown;
  subjects: Subject[];
  disabled: boolean;
  label: string;
  onChange(rule: unknown): void;
}) {
  const { t } = usePrefs();
  const id = useId();
  const model = fromRule(rule);
  if (model === null) {
    return (
      <div role="group" aria-labelledby={`${id}-label`} className="form-condition">
        <Typography.Text id={`${id}-label`} strong>{label}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('formConditionTooComplex')}</Typography.Paragraph>
      </div>
    );
  }
  const set = (next: Condition) => onChange(toRule(next));
  const setPart = (i: number, part: Partial<Comparison>) => set({ ...model, parts: model.parts.map((p, j) => (j === i ? { ...p, ...part } : p)) });
  const first = subjects[0];
  return (
    <div role="group" aria-labelledby={`${id}-label`} className="form-condition">
      <Typography.Text id={`${id}-label`} strong>{label}</Typography.Text>
      <div aria-live="polite"><Typography.Text type="secondary" lang="zh-CN" data-testid="condition-sentence">{sentence(t, model, subjects)}</Typography.Text></div>
      {model.parts.length > 1 && (
        <Radio.Group size="small" value={model.join} disabled={disabled} onChange={(e) => set({ ...model, join: e.target.value as 'and' | 'or' })}
          options={[{ value: 'and', label: t('formJoinAll') }, { value: 'or', label: t('formJoinAny') }]} />
      )}
      {model.parts.map((p, i) => {
        const subject = subjects.find((s) => s.id === p.field);
        return (
          <Space key={i} wrap size={4} style={{ display: 'flex', marginTop: 4 }}>
            {subjects.length > 0 ? (
              <Select aria-label={t('formConditionSubject')} value={p.field || undefined} disabled={disabled} style={{ minWidth: 220, maxWidth: 420 }} showSearch={{ optionFilterProp: 'search' }}
                placeholder={t('formConditionSubject')} onChange={(field: string) => setPart(i, { field, value: defaultValue(subjects.find((s) => s.id === field), p.op) })}
                options={subjects.map((s) => ({ value: s.id, search: `${s.label} ${s.id}`, label: <span lang="zh-CN">{s.label}</span> }))} />
            ) : (
              <Input aria-label={t('formConditionSubject')} value={p.field} disabled={disabled} style={{ width: 200 }} placeholder={t('formConditionFieldKey')} onChange={(e) => setPart(i, { field: e.target.value.trim() })} />
            )}
            <Select aria-label={t('formConditionOperator')} value={p.op} disabled={disabled} style={{ width: 130 }}
              onChange={(op: Op) => setPart(i, { op, value: op === 'in' ? (Array.isArray(p.value) ? p.value : [p.value]) : Array.isArray(p.value) ? (p.value[0] ?? '') : p.value })}
              options={OPS.filter((op) => subject?.type !== 'boolean' || op === '==' || op === '!=').map((op) => ({ value: op, label: opWord(t, op) }))} />
            <ValueInput subject={subject} op={p.op} value={p.value} disabled={disabled} onChange={(value) => setPart(i, { value })} />
            {!disabled && <Button size="small" onClick={() => set({ ...model, parts: model.parts.filter((_, j) => j !== i) })}>{t('formRemove')}</Button>}
          </Space>
        );
      })}
      {!disabled && (
        <Button size="small" style={{ marginTop: 6 }} onClick={() => set({ ...model, parts: [...model.parts, { field: first?.id ?? '', op: '==', value: defaultValue(first, '==') }] })}>
          {t('formAddComparison')}
        </Button>
      )}
    </div>
  );
}

function defaultValue(subject: Subject | undefined, op: Op): Value | Value[] {
  const v: Value = subject?.type === 'boolean' ? true : subject?.options?.[0]?.value ?? '';
  return op === 'in' ? [v] : v;
}

function ValueInput({ subject, op, value, disabled, onChange }: { subject: Subject | undefined; op: Op; value: Value | Value[]; disabled: boolean; onChange(v: Value | Value[]): void }) {
  const { t } = usePrefs();
  const label = t('formConditionValue');
  if (subject?.type === 'boolean') {
    return <Select aria-label={label} value={String(value)} disabled={disabled} style={{ width: 90 }} onChange={(v: string) => onChange(v === 'true')}
      options={[{ value: 'true', label: t('formYes') }, { value: 'false', label: t('formNo') }]} />;
  }
  if (subject?.options && subject.options.length > 0) {
    const options = subject.options.map((o) => ({ value: o.value, label: <span lang="zh-CN">{o.label}</span> }));
    return op === 'in'
      ? <Select aria-label={label} mode="multiple" value={(Array.isArray(value) ? value : [value]).map(String)} disabled={disabled} style={{ minWidth: 200 }} onChange={(v: string[]) => onChange(v)} options={options} />
      : <Select aria-label={label} value={String(value)} disabled={disabled} style={{ minWidth: 160 }} onChange={(v: string) => onChange(v)} options={options} />;
  }
  const text = Array.isArray(value) ? value.join('，') : String(value);
  return <Input aria-label={label} value={text} disabled={disabled} style={{ width: 180 }} placeholder={op === 'in' ? t('formValuesHint') : undefined}
    onChange={(e) => onChange(op === 'in' ? e.target.value.split(/[,，、]/).map((x) => typed(subject, x.trim())).filter((x) => x !== '') : typed(subject, e.target.value))} />;
}
