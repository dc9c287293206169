/** One material of an item: its name, copies, form and medium, and when it is required. */
import { Button, Input, InputNumber, Select, Space } from 'antd';
import { useId } from 'react';
import { usePrefs } from '../../shared/prefs.tsx';
import { ConditionBuilder } from './ConditionBuilder.tsx';
import type { Subject } from './rules.ts';
import { valueAt, type Path } from './yamlDoc.ts';
import type { Document } from 'yaml';

export function MaterialForm({ doc, path, subjects, disabled, set, remove }: {
  doc: Document;
  /** Where the material sits, e.g. ['materials', 2]. */
  path: Path;
  subjects: Subject[];
  disabled: boolean;
  set(path: Path, value: unknown): void;
  remove(): void;
}) {
  const { t } = usePrefs();
  const id = useId();
  const at = (key: string) => valueAt(doc, [...path, key]);
  const str = (key: string) => (typeof at(key) === 'string' ? (at(key) as string) : '');
  return (
    <fieldset className="form-material">
      <legend lang="zh-CN">{str('name') || t('formUnnamedMaterial')}</legend>
      <div className="form-grid">
        <label htmlFor={`${id}-name`}>{t('formMaterialName')}</label>
        <Input id={`${id}-name`} lang="zh-CN" value={str('name')} disabled={disabled} onChange={(e) => set([...path, 'name'], e.target.value)} />
        <label htmlFor={`${id}-copies`}>{t('formCopies')}</label>
        <InputNumber id={`${id}-copies`} min={0} max={99} precision={0} value={typeof at('copies') === 'number' ? (at('copies') as number) : null} disabled={disabled}
          onChange={(v) => set([...path, 'copies'], v ?? undefined)} />
        <label htmlFor={`${id}-form`}>{t('formMaterialForm')}</label>
        <Select id={`${id}-form`} value={str('form') || undefined} disabled={disabled} style={{ width: 200 }} onChange={(v: string) => set([...path, 'form'], v)}
          options={[{ value: 'original', label: t('formOriginal') }, { value: 'copy', label: t('formCopy') }, { value: 'original-and-copy', label: t('formOriginalAndCopy') }]} />
        <label htmlFor={`${id}-medium`}>{t('formMedium')}</label>
        <Select id={`${id}-medium`} value={str('medium') || undefined} disabled={disabled} style={{ width: 200 }} onChange={(v: string) => set([...path, 'medium'], v)}
          options={[{ value: 'paper', label: t('formPaper') }, { value: 'electronic', label: t('formElectronic') }, { value: 'either', label: t('formEither') }]} />
      </div>
      <ConditionBuilder label={t('formRequiredIf')} rule={at('requiredIf')} subjects={subjects} disabled={disabled} onChange={(rule) => set([...path, 'requiredIf'], rule)} />
      {!disabled && <Space style={{ marginTop: 8 }}><Button danger size="small" onClick={remove}>{t('formRemoveMaterial')}</Button></Space>}
    </fieldset>
  );
}
