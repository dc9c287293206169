/** The JSON-Schema form renderer of the plan's merged form. */
export { SchemaForm, SaveStatus, errorText, fieldDomId, serverDetailText, type SchemaFormHandle, type SchemaFormProps, type SaveState, type FlushResult } from './SchemaForm.tsx';
export { FormSummary } from './FormSummary.tsx';
export { fieldSpecs, displayValue, isMasked, type FieldSpec, type Values } from './schema.ts';
