/**
 * The draft's documents: pick one, edit it as YAML (saved a second after typing stops, one save at
 * a time), and see every defect of the whole draft with file, path and message; "检查" saves at once
 * and checks again. A defect of the open file moves the cursor to its line.
 */
import { Alert, Button, Empty, Grid, Input, Modal, Popconfirm, Radio, Select, Space, Tag, Typography, type GetRef } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, ApiError, put, type ErrorDetail } from '../shared/api.ts';
import { useAction } from '../shared/useAction.ts';
import { useLoad } from '../shared/useLoad.ts';
import { baseName, docUrl, errorText, fmtTime, get, KIND, KIND_ORDER, Section, type Matters } from './common.tsx';
import type { Defect, DocumentKind, DraftDetail, EditResult, ItemSummary } from './types.ts';
import { lineOfPath } from './yamlLine.ts';
import { usePrefs } from '../shared/prefs.tsx';
import { DocumentForm, hasForm } from './forms/DocumentForm.tsx';

export interface EditorHandle {
  /** Saves what is typed now; false when it could not be saved (YAML syntax, conflict). */
  flush(): Promise<boolean>;
}

type SaveState =
  | { kind: 'clean' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'syntax'; details: ErrorDetail[] }
  | { kind: 'error'; text: string };

const SAVE_DELAY_MS = 1000;
const FOLDER: Record<DocumentKind, string> = { region: 'regions', matter: 'matters', item: 'items', fields: 'fields', license: 'licenses', department: 'departments', calendar: 'calendar' };

const TEMPLATE: Record<DocumentKind, (name: string) => string> = {
  matter: (n) => `id: ${n}\nname: \nlead: \npartners: []\n`,
  item: (n) => `code: ${n}\nname: \ndepartment: \n`,
  fields: (n) => `group:\n  id: ${n}\n  title: \nfields: []\n`,
  license: (n) => `code: ${n}\nname: \ndepartment: \nholder: person\n`,
  department: (n) => `code: ${n}\nname: \n`,
  calendar: () => 'year: \n',
  region: (n) => `code: "${n}"\nname: \nlevel: county\nparent: \n`,
};

function defaultFile(draft: DraftDetail): string | null {
  const files = draft.documents.map((d) => d.file);
  const broken = draft.defects[0]?.file;
  if (broken && files.includes(broken)) return broken;
  const matter = draft.matterId ? `catalog/matters/${draft.matterId}.yaml` : null;
  return matter && files.includes(matter) ? matter : null;
}

export function DraftEditor({ draft, canEdit, matters, onDefects, onChanged, handle }: {
  draft: DraftDetail;
  canEdit: boolean;
  /** The published matters, to name their files. */
  matters: Matters;
  /** The whole draft's check, after a save, a deletion or a check again. */
  onDefects(defects: Defect[]): void;
  /** Files were added or removed: the draft is read again. */
  onChanged(): void;
  handle: RefObject<EditorHandle | null>;
}) {
  const { t } = usePrefs();
  const [params, setParams] = useSearchParams();
  const narrow = !Grid.useBreakpoint().md;
  const [initial, setInitial] = useState(() => defaultFile(draft));
  const file = params.get('file') ?? initial;
  const [text, setText] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [state, setState] = useState<SaveState>({ kind: 'clean' });
  const [caret, setCaret] = useState({ line: 1, col: 1 });
  const [checked, setChecked] = useState<string | null>(null);
  /** Items and matters can be edited as a form; the form writes the same YAML text. */
  const [mode, setMode] = useState<'form' | 'yaml'>('yaml');
  const kind = draft.documents.find((d) => d.file === file)?.kind;
  const area = useRef<GetRef<typeof Input.TextArea>>(null);
  const defectsCallback = useRef(onDefects);
  defectsCallback.current = onDefects;
  const latest = useRef<string | null>(null);
  const saved = useRef<string | null>(null);
  const fileRef = useRef<string | null>(file);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inflight = useRef<Promise<unknown> | null>(null);

  const setFile = useCallback((f: string | null) => setParams((p) => {
    const n = new URLSearchParams(p);
    if (f) n.set('file', f);
    else n.delete('file');
    n.set('tab', 'edit');
    return n;
  }), [setParams]);

  // Loads the chosen file.
  useEffect(() => {
    fileRef.current = file;
    latest.current = null;
    saved.current = null;
    setText(null);
    setLoadError(null);
    setState({ kind: 'clean' });
    setChecked(null);
    if (!file) return;
    let live = true;
    get<{ yaml: string }>(docUrl(draft.id, file)).then((r) => {
      if (!live) return;
      latest.current = r.yaml;
      saved.current = r.yaml;
      setText(r.yaml);
    }, (e: unknown) => live && setLoadError(errorText(e)));
    return () => {
      live = false;
    };
  }, [draft.id, file]);

  /** Saves the typed text if it changed: false when it could not be saved; the check's defects when it was. */
  const save = useCallback(async (): Promise<false | Defect[] | null> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    while (inflight.current) await inflight.current.catch(() => undefined);
    const body = latest.current;
    const target = fileRef.current;
    if (body === null || target === null) return null;
    if (body === saved.current) {
      // Typed back to what is saved: nothing to send.
      setState((s) => (s.kind === 'dirty' || s.kind === 'syntax' || s.kind === 'error' ? { kind: 'clean' } : s));
      return null;
    }
    setState({ kind: 'saving' });
    const run = put<EditResult>(docUrl(draft.id, target), { yaml: body });
    inflight.current = run;
    try {
      const r = await run;
      if (fileRef.current === target) saved.current = body;
      defectsCallback.current(r.defects);
      if (fileRef.current === target) setState(latest.current === body ? { kind: 'saved', at: fmtTime(new Date().toISOString()).slice(11) } : { kind: 'dirty' });
      return r.defects;
    } catch (e) {
      if (fileRef.current === target) {
        if (e instanceof ApiError && e.code === 'yaml-syntax') setState({ kind: 'syntax', details: e.details });
        else setState({ kind: 'error', text: errorText(e) });
      }
      return false;
    } finally {
      inflight.current = null;
    }
  }, [draft.id]);
  const saveNow = useCallback(async () => (await save()) !== false, [save]);

  useEffect(() => {
    handle.current = { flush: saveNow };
    return () => {
      handle.current = null;
    };
  }, [handle, saveNow]);

  // Leaving the page with a change pending: save it.
  useEffect(() => () => {
    if (timer.current) void saveNow();
  }, [saveNow]);

  const change = (v: string) => {
    latest.current = v;
    setText(v);
    setChecked(null);
    setState({ kind: 'dirty' });
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow(), SAVE_DELAY_MS);
  };

  const open = async (f: string | null) => {
    if (f === file) return;
    if (!(await saveNow())) {
      const go = await new Promise<boolean>((resolve) => Modal.confirm({
        title: t('admTheCurrentFileIs'), content: t('admTheCurrentFileHas'),
        okText: t('admDiscardAndSwitch'), cancelText: t('admStayOnThisFile'), onOk: () => resolve(true), onCancel: () => resolve(false),
      }));
      if (!go) return;
    }
    setFile(f);
  };

  const check = async () => {
    const result = await save();
    if (result === false) {
      setChecked(t('admCheckNotDoneThe'));
      return;
    }
    let defects = result;
    if (defects === null) {
      // Nothing typed since the last save: reads the draft's check again.
      try {
        defects = (await get<DraftDetail>(`/api/admin/drafts/${draft.id}`)).defects;
        defectsCallback.current(defects);
      } catch (e) {
        setState({ kind: 'error', text: errorText(e) });
        return;
      }
    }
    const here = file ? defects.filter((d) => d.file === file).length : 0;
    const at = fmtTime(new Date().toISOString()).slice(11);
    setChecked(defects.length === 0 ? t('admCheckPassedNoProblem', { at }) : t('admCheckDoneProblemS', { at, n: defects.length, p2: file ? t('admThisFileN', { n: here }) : '' }));
  };

  /** Moves the cursor to the defect's line in the open file. */
  const locate = (d: Defect) => {
    if (hasForm(kind) && mode === 'form') {
      // The line is in the YAML: show it first.
      setMode('yaml');
      setTimeout(() => locate(d), 0);
      return;
    }
    const el = area.current?.resizableTextArea?.textArea;
    const t = latest.current;
    if (!el || t === null) return;
    const line = lineOfPath(t, d.path) ?? 0;
    const lines = t.split('\n');
    const start = lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0);
    el.focus();
    el.setSelectionRange(start, start + (lines[line]?.length ?? 0));
    const lh = parseFloat(getComputedStyle(el).lineHeight) || 20;
    el.scrollTop = Math.max(0, line * lh - el.clientHeight / 3);
    setCaret({ line: line + 1, col: 1 });
  };

  const trackCaret = () => {
    const el = area.current?.resizableTextArea?.textArea;
    if (!el) return;
    const before = el.value.slice(0, el.selectionStart);
    const line = before.split('\n').length;
    setCaret({ line, col: before.length - before.lastIndexOf('\n') });
  };

  const items = useLoad(() => get<{ items: ItemSummary[] }>('/api/public/items'), []);
  const options = useMemo(() => {
    const names = new Map<string, string>();
    for (const i of items.data?.items ?? []) names.set(`catalog/items/${i.code}.yaml`, i.name);
    for (const m of matters.list) names.set(`catalog/matters/${m.id}.yaml`, m.name);
    const counts = new Map<string, number>();
    for (const d of draft.defects) counts.set(d.file, (counts.get(d.file) ?? 0) + 1);
    return KIND_ORDER.map((kind) => ({
      label: t(KIND[kind]),
      title: t(KIND[kind]),
      options: draft.documents.filter((d) => d.kind === kind).map((d) => ({
        value: d.file,
        label: <>{baseName(d.file)}{names.has(d.file) ? <> · <span lang="zh-CN">{names.get(d.file)}</span></> : ''}{counts.has(d.file) ? t('admFileProblems', { n: counts.get(d.file) ?? 0 }) : ''}</>,
        search: `${d.file} ${names.get(d.file) ?? ''}`,
      })),
    })).filter((g) => g.options.length > 0);
  }, [draft.documents, draft.defects, items.data, matters.data]);

  const here = draft.defects.filter((d) => d.file === file);
  const elsewhere = draft.defects.filter((d) => d.file !== file);
  const status = (() => {
    switch (state.kind) {
      case 'clean': return canEdit ? <Typography.Text type="secondary">{t('admSavedAutomaticallyAfterChanges')}</Typography.Text> : <Typography.Text type="secondary">{t('admReadOnly')}</Typography.Text>;
      case 'dirty': return <Typography.Text type="warning">{t('admUnsavedChangesSaved1')}</Typography.Text>;
      case 'saving': return <Typography.Text type="secondary">{t('admSavingAndChecking')}</Typography.Text>;
      case 'saved': return <Typography.Text type="success">{t('admSavedAndChecked')} {state.at}</Typography.Text>;
      case 'syntax': return <Typography.Text type="danger">{t('admYamlSyntaxErrorNot')}</Typography.Text>;
      case 'error': return <Typography.Text type="danger">{t('admSavingFailed')}{state.text}</Typography.Text>;
    }
  })();

  return (
    <div className="admin-stack">
      <div className="admin-row">
        <label htmlFor="draft-file" style={{ fontWeight: 600 }}>{t('admFile')}</label>
        <Select id="draft-file" value={file ?? undefined} onChange={(f: string) => void open(f)} options={options} placeholder={t('admChooseAFileTo')}
          showSearch={{ optionFilterProp: 'search' }} style={{ flex: '1 1 320px', minWidth: 0, maxWidth: 560 }} listHeight={400} />
        <Typography.Text type="secondary">{t('admSep18')} {draft.documents.length} {t('admFileS')}</Typography.Text>
        {canEdit && <NewFile draft={draft} onCreated={(f) => { onChanged(); setFile(f); }} />}
      </div>

      {!file ? (
        <Empty description={t('admChooseAFileTo2')} />
      ) : loadError ? (
        <Alert type="error" showIcon title={loadError} />
      ) : (
        <div className="editor-grid">
          <div>
            <div className="admin-row" style={{ justifyContent: 'space-between', marginBottom: 6 }}>
              <label htmlFor="yaml-editor" style={{ fontWeight: 600 }}>{t('admYamlContent')} <span className="mono" style={{ fontWeight: 400 }}>{file}</span></label>
              <Space wrap size={4}>
                {canEdit && <Button type="primary" onClick={() => void check()} loading={state.kind === 'saving'}>{t('admCheck')}</Button>}
                {canEdit && (
                  <Popconfirm title={t('admDeleteFromTheDraft', { p0: baseName(file) })} description={t('admItIsDeletedSaved')} okText={t('admDelete')} okButtonProps={{ danger: true }} cancelText={t('admCancel')}
                    onConfirm={async () => {
                      try {
                        const r = await api<EditResult>('DELETE', docUrl(draft.id, file));
                        onDefects(r.defects);
                        onChanged();
                        setInitial(null);
                        setFile(null);
                      } catch (e) {
                        setState({ kind: 'error', text: errorText(e) });
                      }
                    }}>
                    <Button danger>{t('admDeleteTheFile')}</Button>
                  </Popconfirm>
                )}
              </Space>
            </div>
            {text !== null && hasForm(kind) && (
              <Radio.Group optionType="button" size="small" value={mode} onChange={(e) => setMode(e.target.value as 'form' | 'yaml')} aria-label={t('formEditAs')} style={{ marginBottom: 6 }}
                options={[{ value: 'form', label: t('formModeForm') }, { value: 'yaml', label: t('formModeYaml') }]} />
            )}
            {text !== null && hasForm(kind) && mode === 'form' && kind && <DocumentForm kind={kind} text={text} canEdit={canEdit} draftId={draft.id} matterId={draft.matterId} onChange={change} />}
            {text === null ? <Typography.Text type="secondary">{t('admLoading')}</Typography.Text> : hasForm(kind) && mode === 'form' ? null : (
              <Input.TextArea id="yaml-editor" ref={area} className="yaml-editor" value={text} readOnly={!canEdit} onChange={(e) => change(e.target.value)}
                onSelect={trackCaret} onKeyUp={trackCaret} onClick={trackCaret}
                rows={narrow ? 18 : 30} spellCheck={false} autoCapitalize="off" autoCorrect="off" wrap="off"
                aria-describedby="yaml-status" aria-invalid={state.kind === 'syntax' || here.length > 0 || undefined} />
            )}
            <div id="yaml-status" className="admin-row" style={{ justifyContent: 'space-between', marginTop: 4 }}>
              <span aria-live="polite">{status}</span>
              <Typography.Text type="secondary" aria-hidden="true">{t('admLineCol', { line: caret.line, col: caret.col })}</Typography.Text>
            </div>
            {state.kind === 'syntax' && (
              <Alert type="error" showIcon role="alert" style={{ marginTop: 8 }} title={t('admYamlSyntaxErrorThis')}
                description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{state.details.map((d, i) => <li key={i}><span className="mono">{d.path}</span>{t('admSep9')}{d.message}</li>)}</ul>} />
            )}
          </div>
          <Section title={t('admCheckResultsProblemS', { n: draft.defects.length })} level={4}>
            <div role="status" aria-live="polite" style={{ marginBottom: 8 }}>
              {checked ? <Typography.Text strong type={draft.defects.length === 0 ? 'success' : 'danger'}>{checked}</Typography.Text>
                : draft.defects.length === 0 ? <Typography.Text type="success">{t('admNoProblemInThe')}{canEdit ? t('admItCanBeSubmitted') : ''}{t('admPeriod')}</Typography.Text>
                  : <Typography.Text type="danger">{t('admTheWholeCatalogueHas')} {draft.defects.length} {t('admProblemSAllMust')}</Typography.Text>}
            </div>
            <div className="defect-list">
              {here.length > 0 && <Typography.Text strong>{t('admThisFile')}{here.length}{t('admSep2')}</Typography.Text>}
              {here.map((d, i) => (
                <div key={`h${i}`} className="defect here">
                  <div><code>{d.path || t('admWholeFile')}</code></div>
                  <div>{d.message}</div>
                  <Button size="small" type="link" style={{ padding: 0 }} onClick={() => locate(d)} aria-label={t('admGoToItIn', { path: d.path, message: d.message })}>{t('admGoToTheLine')}</Button>
                </div>
              ))}
              {elsewhere.length > 0 && <Typography.Text strong style={{ display: 'block', marginTop: here.length ? 12 : 0 }}>{t('admOtherFiles')}{elsewhere.length}{t('admSep2')}</Typography.Text>}
              {elsewhere.map((d, i) => (
                <div key={`e${i}`} className="defect">
                  <div><Button size="small" type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }} onClick={() => void open(d.file)} aria-label={t('admOpenFile', { file: d.file })}><span className="mono">{d.file}</span></Button></div>
                  <div><code>{d.path || t('admWholeFile')}</code></div>
                  <div>{d.message}</div>
                </div>
              ))}
            </div>
          </Section>
        </div>
      )}
    </div>
  );
}

function NewFile({ draft, onCreated }: { draft: DraftDetail; onCreated(file: string): void }) {
  const { t } = usePrefs();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<DocumentKind>('item');
  const [name, setName] = useState('');
  const { busy, error, setError, run } = useAction();
  const file = `catalog/${FOLDER[kind]}/${name.trim()}.yaml`;
  const create = async () => {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,150}$/.test(name.trim())) return setError(t('admAFileNameMay'));
    if (draft.documents.some((d) => d.file === file)) return setError(t('admTheDraftAlreadyHas'));
    if (await run(() => put<EditResult>(docUrl(draft.id, file), { yaml: TEMPLATE[kind](name.trim()) }))) {
      setOpen(false);
      setName('');
      onCreated(file);
    }
  };
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('admAddAFile')}</Button>
      <Modal open={open} title={t('admAddAFile')} onCancel={() => setOpen(false)} onOk={() => void create()} okText={t('admAdd')} cancelText={t('admCancel')} confirmLoading={busy}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <label htmlFor="new-kind">{t('admKind')}</label>
          <Select id="new-kind" value={kind} onChange={setKind} options={KIND_ORDER.map((k) => ({ value: k, label: t(KIND[k]) }))} style={{ width: 200 }} />
          <label htmlFor="new-name">{t('admFileNameWithoutYaml')}</label>
          <Input id="new-name" value={name} onChange={(e) => setName(e.target.value)} placeholder={t('admEGGaBirth')} autoComplete="off" />
          <Typography.Text type="secondary">{t('admCreates')} <span className="mono">{file}</span>{t('admWithASkeletonOf')}</Typography.Text>
          {error && <Alert type="error" showIcon title={error} role="alert" />}
          <Tag>{t('admHint')}</Tag><Typography.Text type="secondary">{t('admANewItemMust')}</Typography.Text>
        </Space>
      </Modal>
    </>
  );
}
