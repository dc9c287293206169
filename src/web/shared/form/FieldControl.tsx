/** The one control for a field of the merged form, chosen from its JSON Schema type and format. */
import { Checkbox, Input, InputNumber, Radio, Select } from 'antd';
import { inputHints, type FieldSpec } from './schema.ts';
import { word } from '../words.ts';

export interface ControlProps {
  spec: FieldSpec;
  id: string;
  labelId: string;
  value: unknown;
  invalid: boolean;
  describedBy: string | undefined;
  disabled?: boolean;
  onChange(value: unknown): void;
  onBlur(): void;
}

/** Radio buttons while the options fit on a phone screen; a list to pick from beyond that. */
const RADIO_LIMIT = 5;

/** Options are catalogue words: marked Chinese, whatever the interface's language. */
const zhOptions = (choices: FieldSpec['choices']) => choices.map((c) => ({ value: c.value, label: <span lang="zh-CN">{c.label}</span> }));

export function FieldControl({ spec, id, labelId, value, invalid, describedBy, disabled, onChange, onBlur }: ControlProps) {
  const aria = {
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy,
    'aria-required': spec.required || undefined,
  };
  const status = invalid ? ('error' as const) : undefined;
  switch (spec.kind) {
    case 'boolean':
      return (
        <Radio.Group id={id} aria-labelledby={labelId} {...aria} disabled={disabled} value={typeof value === 'boolean' ? value : undefined}
          onChange={(e) => { onChange(e.target.value as boolean); onBlur(); }}
          options={[{ value: true, label: word('fm_yes') }, { value: false, label: word('fm_no') }]} />
      );
    case 'enum':
      if (spec.choices.length <= RADIO_LIMIT) {
        const long = spec.choices.some((c) => [...c.label].length > 6);
        return (
          <Radio.Group id={id} aria-labelledby={labelId} {...aria} disabled={disabled} value={typeof value === 'string' && value !== '' ? value : undefined}
            orientation={long ? 'vertical' : 'horizontal'} style={{ display: 'flex', flexWrap: 'wrap', rowGap: 8 }}
            onChange={(e) => { onChange(e.target.value as string); onBlur(); }}
            options={zhOptions(spec.choices)} />
        );
      }
      return (
        <Select id={id} aria-labelledby={labelId} {...aria} status={status} disabled={disabled} style={{ width: '100%' }} placeholder={word('fm_choose')}
          value={typeof value === 'string' && value !== '' ? value : undefined} allowClear={!spec.required}
          onChange={(v: string | undefined) => { onChange(v ?? ''); onBlur(); }}
          options={zhOptions(spec.choices)} />
      );
    case 'multi-enum':
      return (
        <div id={id} role="group" aria-labelledby={labelId} aria-describedby={describedBy} aria-invalid={invalid || undefined}>
          <Checkbox.Group disabled={disabled} style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
            value={Array.isArray(value) ? (value as string[]) : []}
            onChange={(v) => { onChange(v as string[]); onBlur(); }}
            options={zhOptions(spec.choices)} />
        </div>
      );
    case 'integer':
    case 'number':
      return (
        <InputNumber id={id} {...aria} status={status} disabled={disabled} style={{ width: '100%', maxWidth: 320 }}
          inputMode={spec.kind === 'integer' ? 'numeric' : 'decimal'} precision={spec.kind === 'integer' ? 0 : undefined}
          min={typeof spec.minimum === 'number' ? spec.minimum : undefined} max={typeof spec.maximum === 'number' ? spec.maximum : undefined}
          value={typeof value === 'number' ? value : null} onChange={(v) => onChange(v ?? null)} onBlur={onBlur} />
      );
    case 'date':
      // The browser's own date picker: large and familiar on phones, read out by screen readers.
      return (
        <Input id={id} {...aria} status={status} disabled={disabled} type="date" style={{ maxWidth: 320 }}
          min={typeof spec.minimum === 'string' ? spec.minimum : undefined} max={typeof spec.maximum === 'string' ? spec.maximum : undefined}
          value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)} onBlur={onBlur} />
      );
    case 'textarea':
      // What is typed here (an address, a description) is the applicant's Chinese: marked as such.
      return (
        <Input.TextArea id={id} lang="zh-CN" {...aria} status={status} disabled={disabled} autoSize={{ minRows: 2, maxRows: 6 }} maxLength={spec.maxLength}
          autoComplete={inputHints(spec.format).autoComplete} placeholder={inputHints(spec.format).placeholder}
          value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)}
          onBlur={(e) => { if (e.target.value !== e.target.value.trim()) onChange(e.target.value.trim()); onBlur(); }} />
      );
    case 'text': {
      const hints = inputHints(spec.format);
      return (
        <Input id={id} {...aria} status={status} disabled={disabled} maxLength={spec.maxLength} {...hints}
          value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)}
          onBlur={(e) => { if (e.target.value !== e.target.value.trim()) onChange(e.target.value.trim()); onBlur(); }} />
      );
    }
  }
}
