/** An item as a form: name, department, promised limit, result and the list of materials. */
import { Button, Input, InputNumber, Select } from 'antd';
import { useId } from 'react';
import type { Document } from 'yaml';
import { usePrefs } from '../../shared/prefs.tsx';
import { MaterialForm } from './MaterialForm.tsx';
import type { Subject } from './rules.ts';
import { lengthAt, valueAt, type Path } from './yamlDoc.ts';

export function ItemForm({ doc, departments, subjects, disabled, set, add, remove }: {
  doc: Document;
  departments: { code: string; name: string }[];
  subjects: Subject[];
  disabled: boolean;
  set(path: Path, value: unknown): void;
  add(path: Path, entry: Record<string, unknown>): void;
  remove(path: Path): void;
}) {
  const { t } = usePrefs();
  const id = useId();
  const str = (path: Path) => { const v = valueAt(doc, path); return typeof v === 'string' ? v : ''; };
  const materials = lengthAt(doc, ['materials']);
  const promised = valueAt(doc, ['timeLimit', 'promised']);
  return (
    <div className="admin-stack form-panel">
      <div className="form-grid">
        <label htmlFor={`${id}-name`}>{t('formItemName')}</label>
        <Input id={`${id}-name`} lang="zh-CN" value={str(['name'])} disabled={disabled} onChange={(e) => set(['name'], e.target.value)} />
        <label htmlFor={`${id}-dept`}>{t('formDepartment')}</label>
        <Select id={`${id}-dept`} value={str(['department']) || undefined} disabled={disabled} showSearch={{ optionFilterProp: 'search' }} style={{ minWidth: 220 }}
          onChange={(v: string) => set(['department'], v)}
          options={departments.map((d) => ({ value: d.code, search: `${d.name} ${d.code}`, label: <span lang="zh-CN">{d.name}</span> }))} />
        <label htmlFor={`${id}-promised`}>{t('formPromisedDays')}</label>
        <InputNumber id={`${id}-promised`} min={0} max={365} precision={0} value={typeof promised === 'number' ? promised : null} disabled={disabled}
          onChange={(v) => set(['timeLimit', 'promised'], v ?? undefined)} addonAfter={t('formWorkingDays')} />
        <label htmlFor={`${id}-result-kind`}>{t('formResultKind')}</label>
        <Select id={`${id}-result-kind`} value={str(['result', 'kind']) || undefined} disabled={disabled} style={{ width: 200 }} onChange={(v: string) => set(['result', 'kind'], v)}
          options={[{ value: 'document', label: t('formResultDocument') }, { value: 'license', label: t('formResultLicense') }]} />
        <label htmlFor={`${id}-result-name`}>{t('formResultName')}</label>
        <Input id={`${id}-result-name`} lang="zh-CN" value={str(['result', 'name'])} disabled={disabled} onChange={(e) => set(['result', 'name'], e.target.value)} />
      </div>
      <section aria-label={t('formMaterials')}>
        <strong>{t('formMaterialsCount', { n: materials })}</strong>
        {Array.from({ length: materials }, (_, i) => (
          <MaterialForm key={i} doc={doc} path={['materials', i]} subjects={subjects} disabled={disabled} set={set} remove={() => remove(['materials', i])} />
        ))}
        {!disabled && (
          <Button style={{ marginTop: 8 }} onClick={() => add(['materials'], newMaterial(materials + 1))}>
            {t('formAddMaterial')}
          </Button>
        )}
      </section>
    </div>
  );
}

/** A new material's skeleton: catalogue data, so in Chinese whatever the interface language. */
const newMaterial = (n: number) => ({ id: `material-${n}`, name: '新增材料', copies: 1, form: 'original', medium: 'either', review: { formal: ['材料齐全、清晰可辨。'] } });
