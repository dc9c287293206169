/** A matter's questions as forms: the text, the answer type, the options and when it is asked. */
import { Button, Input, Select, Space } from 'antd';
import { useId } from 'react';
import type { Document } from 'yaml';
import { usePrefs } from '../../shared/prefs.tsx';
import { ConditionBuilder } from './ConditionBuilder.tsx';
import type { Subject } from './rules.ts';
import { valueAt, type Path } from './yamlDoc.ts';

type Option = { value: string; label: string };

export function QuestionForm({ doc, index, subjects, disabled, set, remove }: {
  doc: Document;
  index: number;
  /** The matter's questions, for the condition (the question itself left out). */
  subjects: Subject[];
  disabled: boolean;
  set(path: Path, value: unknown): void;
  remove(): void;
}) {
  const { t } = usePrefs();
  const id = useId();
  const path: Path = ['questions', index];
  const text = valueAt(doc, [...path, 'text']);
  const type = valueAt(doc, [...path, 'type']);
  const raw = valueAt(doc, [...path, 'options']);
  const options: Option[] = Array.isArray(raw) ? raw.map((o: Partial<Option>) => ({ value: String(o?.value ?? ''), label: String(o?.label ?? '') })) : [];
  const self = valueAt(doc, [...path, 'id']);
  const setOptions = (next: Option[]) => set([...path, 'options'], next.length > 0 ? next : undefined);
  const setOption = (i: number, part: Partial<Option>) => setOptions(options.map((o, j) => (j === i ? { ...o, ...part } : o)));
  return (
    <fieldset className="form-question">
      <legend lang="zh-CN">{typeof text === 'string' && text !== '' ? text : t('formUntitledQuestion')}</legend>
      <div className="form-grid">
        <label htmlFor={`${id}-text`}>{t('formQuestionText')}</label>
        <Input.TextArea id={`${id}-text`} lang="zh-CN" autoSize value={typeof text === 'string' ? text : ''} disabled={disabled} onChange={(e) => set([...path, 'text'], e.target.value)} />
        <label htmlFor={`${id}-type`}>{t('formAnswerType')}</label>
        <Select id={`${id}-type`} value={typeof type === 'string' ? type : undefined} disabled={disabled} style={{ width: 200 }}
          onChange={(v: string) => {
            set([...path, 'type'], v);
            if (v !== 'boolean' && options.length === 0) setOptions([{ value: 'a', label: '选项一' }]);
          }}
          options={[{ value: 'boolean', label: t('formTypeBoolean') }, { value: 'choice', label: t('formTypeChoice') }, { value: 'multi', label: t('formTypeMulti') }]} />
      </div>
      {type !== 'boolean' && (
        <div role="group" aria-label={t('formOptions')} style={{ marginTop: 6 }}>
          <strong>{t('formOptions')}</strong>
          {options.map((o, i) => (
            <Space key={i} wrap size={4} style={{ display: 'flex', marginTop: 4 }}>
              <Input aria-label={t('formOptionValue', { n: i + 1 })} value={o.value} disabled={disabled} style={{ width: 160 }} onChange={(e) => setOption(i, { value: e.target.value.trim() })} />
              <Input aria-label={t('formOptionLabel', { n: i + 1 })} lang="zh-CN" value={o.label} disabled={disabled} style={{ width: 260 }} onChange={(e) => setOption(i, { label: e.target.value })} />
              {!disabled && <Button size="small" onClick={() => setOptions(options.filter((_, j) => j !== i))}>{t('formRemove')}</Button>}
            </Space>
          ))}
          {!disabled && <Button size="small" style={{ marginTop: 4 }} onClick={() => setOptions([...options, { value: `option-${options.length + 1}`, label: '' }])}>{t('formAddOption')}</Button>}
        </div>
      )}
      <ConditionBuilder label={t('formAskedWhen')} rule={valueAt(doc, [...path, 'when'])} subjects={subjects.filter((s) => s.id !== self)} disabled={disabled} onChange={(rule) => set([...path, 'when'], rule)} />
      {!disabled && <Space style={{ marginTop: 8 }}><Button danger size="small" onClick={remove}>{t('formRemoveQuestion')}</Button></Space>}
    </fieldset>
  );
}

/** The matter's questions as what a condition may compare. */
export function questionSubjects(doc: Document | null): Subject[] {
  const list = doc ? valueAt(doc, ['questions']) : undefined;
  if (!Array.isArray(list)) return [];
  return list.filter((q: { id?: unknown }) => typeof q?.id === 'string').map((q: { id: string; text?: unknown; type?: unknown; options?: unknown }) => ({
    id: q.id,
    label: typeof q.text === 'string' && q.text !== '' ? q.text : q.id,
    type: q.type === 'boolean' ? 'boolean' : q.type === 'multi' ? 'multi' : 'choice',
    options: Array.isArray(q.options) ? q.options.map((o: { value?: unknown; label?: unknown }) => ({ value: String(o?.value ?? ''), label: String(o?.label ?? o?.value ?? '') })) : [],
  }));
}
