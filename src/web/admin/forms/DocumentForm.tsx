/**
 * The form beside the YAML: for an item its fields and materials, for a matter its questions. Each
 * change rewrites the same YAML text (yamlDoc.ts) and goes through the editor's save and live check.
 */
import { Alert, Button, Typography } from 'antd';
import { useMemo, useRef } from 'react';
import { usePrefs } from '../../shared/prefs.tsx';
import { useLoad } from '../../shared/useLoad.ts';
import { docUrl, get } from '../common.tsx';
import type { DocumentKind } from '../types.ts';
import { ItemForm } from './ItemForm.tsx';
import { QuestionForm, questionSubjects } from './QuestionForm.tsx';
import { addEntry, lengthAt, readDoc, removeEntry, setValue, type Path } from './yamlDoc.ts';

/** Which kinds of file have a form. */
export const hasForm = (kind: DocumentKind | undefined): boolean => kind === 'item' || kind === 'matter';

export function DocumentForm({ kind, text, canEdit, draftId, matterId, onChange }: {
  kind: DocumentKind;
  text: string;
  canEdit: boolean;
  draftId: string;
  /** The draft's matter: its questions are what an item's conditions compare. */
  matterId: string | null;
  onChange(text: string): void;
}) {
  const { t } = usePrefs();
  // Several changes in one event (a type and its options) each build on the last.
  const latest = useRef(text);
  latest.current = text;
  const doc = useMemo(() => readDoc(text), [text]);
  const apply = (next: string) => {
    if (next === latest.current) return;
    latest.current = next;
    onChange(next);
  };
  const set = (path: Path, value: unknown) => apply(setValue(latest.current, path, value));
  const add = (path: Path, entry: Record<string, unknown>) => apply(addEntry(latest.current, path, entry));
  const remove = (path: Path) => apply(removeEntry(latest.current, path));

  const departments = useLoad(() => (kind === 'item' ? get<{ departments: { code: string; name: string }[] }>('/api/public/departments') : Promise.resolve({ departments: [] })), [kind]);
  const matterFile = kind === 'item' && matterId ? `catalog/matters/${matterId}.yaml` : null;
  const matter = useLoad(() => (matterFile ? get<{ yaml: string }>(docUrl(draftId, matterFile)).catch(() => ({ yaml: '' })) : Promise.resolve({ yaml: '' })), [draftId, matterFile]);
  const itemSubjects = useMemo(() => questionSubjects(readDoc(matter.data?.yaml ?? '')), [matter.data]);

  if (!doc) return <Alert type="warning" showIcon title={t('formYamlFirst')} />;
  const disabled = !canEdit;
  if (kind === 'item') {
    return <ItemForm doc={doc} departments={departments.data?.departments ?? []} subjects={itemSubjects} disabled={disabled} set={set} add={add} remove={remove} />;
  }
  const questions = lengthAt(doc, ['questions']);
  const subjects = questionSubjects(doc);
  return (
    <div className="admin-stack form-panel">
      <Typography.Text strong>{t('formQuestionsCount', { n: questions })}</Typography.Text>
      {Array.from({ length: questions }, (_, i) => (
        <QuestionForm key={i} doc={doc} index={i} subjects={subjects} disabled={disabled} set={set} remove={() => remove(['questions', i])} />
      ))}
      {!disabled && <Button onClick={() => add(['questions'], newQuestion(questions + 1))}>{t('formAddQuestion')}</Button>}
    </div>
  );
}

/** A new question's skeleton: catalogue data, so in Chinese whatever the interface language. */
const newQuestion = (n: number) => ({ id: `question${n}`, text: '新的问题？', type: 'boolean' });
