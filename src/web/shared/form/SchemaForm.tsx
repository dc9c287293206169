/**
 * The plan's one merged form: its sections as cards, each field once, checked as the applicant types
 * with the same rules as the server (validateFormValues), and saved as a draft by itself.
 */
import { word } from '../words.ts';
import { activeLang, type MessageKey } from '../messages/index.ts';
import { fillNodes, Zh } from '../fillNodes.tsx';
import { Button, Card, Form, Input, Space, Typography } from 'antd';
import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type CSSProperties, type ReactNode, type Ref } from 'react';
import { validateFormValues, type FormError } from '../../../core/planning/validate-form.ts';
import { shanghaiMinute } from '../../../shared/time/shanghai.ts';
import { ApiError } from '../api.ts';
import { FieldControl } from './FieldControl.tsx';
import { fieldSpecs, isEmpty, isMasked, type FieldSpec, type MergedForm, type Values } from './schema.ts';
import { ERROR_TEXT, MUTED } from './muted.ts';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'invalid'; count: number }
  | { kind: 'error'; message: string };

export interface FlushResult {
  /** Everything typed is saved on the server. */
  saved: boolean;
  /** Keys of the fields whose value is wrong and therefore not saved. */
  invalid: string[];
  /** The same, with their messages, as 'form.<key>' paths like the server's errors; `label` is the field's (catalogue) name. */
  errors: { path: string; message: string; label?: string }[];
}

export interface SchemaFormHandle {
  /** Saves what is waiting now (before a submit); also shows the errors of untouched fields. */
  flush(): Promise<FlushResult>;
  /** Shows errors from the server (paths 'form.<key>') on their fields. */
  showErrors(errors: { path: string; message: string }[]): void;
  /** Moves the focus to a field, e.g. from a list of errors. */
  focusField(key: string): void;
}

export interface SchemaFormProps {
  form: MergedForm;
  /** The saved values, personal ones masked by the server. */
  initialValues: Values;
  /** Saves changed fields (a draft); rejects with an ApiError. */
  save(changes: Values): Promise<void>;
  /** Prefix for element ids, unique on the page. */
  idPrefix?: string;
  /** Milliseconds of quiet before an automatic save. */
  delay?: number;
  /** Heading level of the section titles, to fit the page's outline. */
  headingLevel?: 3 | 4 | 5;
  ref?: Ref<SchemaFormHandle>;
}

export const fieldDomId = (prefix: string, key: string) => `${prefix}-${key}`;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

const hidden: CSSProperties = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' };

/** The time of day now in Asia/Shanghai, 'HH:MM' (as every date shown), for 已保存 09:30. */
const clock = (): string => shanghaiMinute(new Date().toISOString()).slice(11);

/**
 * A check's message in the language chosen now: Chinese as the core words it (naming the field), in
 * English from the problem's code, without the field's name, which stands just above it.
 */
export function errorText(e: FormError): string {
  if (activeLang() === 'zh') return e.message;
  if (e.code === 'required') return word('fv_required');
  return e.problem ? word(`fv_${e.problem.code}` as MessageKey, { n: String(e.problem.n ?? '') }) : e.message;
}

/** The server's words for a field are Chinese: in another language they are said again from the detail's code. */
export function serverDetailText(d: { message: string; code?: string }): string {
  if (activeLang() === 'zh') return d.message;
  return d.code === 'required' ? word('fv_required') : d.code === 'material-missing' ? word('fv_materialMissing') : word('fv_check');
}

function errorsByKey(list: { path: string; message: string; code?: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of list) {
    if (!e.path.startsWith('form.')) continue;
    const key = e.path.slice(5);
    out[key] ??= serverDetailText(e);
  }
  return out;
}

export function SchemaForm({ form, initialValues, save, idPrefix = 'field', delay = 800, headingLevel = 3, ref }: SchemaFormProps) {
  const specs = useMemo(() => fieldSpecs(form), [form]);
  const [values, setValues] = useState<Values>(() => ({ ...initialValues }));
  /** Masked personal fields the applicant chose to type again. */
  const [refill, setRefill] = useState<ReadonlySet<string>>(() => new Set());
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [showRequired, setShowRequired] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [state, setState] = useState<SaveState>({ kind: 'idle' });

  // The save machinery works on refs, so a save started earlier sees what was typed since.
  const valuesRef = useRef(values);
  const refillRef = useRef(refill);
  const pending = useRef(new Set<string>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inflight = useRef<Promise<void> | null>(null);
  const again = useRef(false);
  /** Fields the server refused: not sent again until the applicant changes them. */
  const blocked = useRef(new Map<string, string>());
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  /** Client-side errors of every field: masked values stand for what the server holds, so they pass. */
  const check = useCallback((vals: Values, partial: boolean): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const e of validateFormValues(form, vals, { partial })) {
      if (e.code === 'unknown-field') continue;
      const key = e.path.slice(5);
      if (isMasked(specs.get(key), vals[key])) continue;
      out[key] ??= errorText(e);
    }
    return out;
  }, [form, specs]);

  const clientErrors = useMemo(() => {
    // A masked field being typed again must be filled in again before submitting; until then the old value stays.
    const vals = { ...values };
    for (const key of refill) if (isEmpty(vals[key])) vals[key] = initialValues[key];
    return check(vals, !showRequired);
  }, [values, refill, showRequired, check, initialValues]);

  const runSave = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (inflight.current) {
      again.current = true;
      return inflight.current;
    }
    const vals = valuesRef.current;
    const errs = check(vals, true);
    const payload: Values = {};
    const held: string[] = [];
    for (const key of pending.current) {
      const v = vals[key];
      if (refillRef.current.has(key) && isEmpty(v)) {
        pending.current.delete(key); // nothing new yet: the saved value stays
        continue;
      }
      if (errs[key] || blocked.current.has(key)) held.push(key);
      else payload[key] = v ?? null;
    }
    if (held.length > 0) setTouched((prev) => new Set([...prev, ...held]));
    if (Object.keys(payload).length === 0) {
      setState((s) => (held.length > 0 ? { kind: 'invalid', count: held.length } : s.kind === 'pending' ? { kind: 'idle' } : s));
      return;
    }
    setState({ kind: 'saving' });
    const run = (async () => {
      try {
        await saveRef.current(payload);
        for (const [key, v] of Object.entries(payload)) if (same(valuesRef.current[key], v)) pending.current.delete(key);
        if (Object.keys(payload).some((k) => refillRef.current.has(k))) {
          // A personal value typed again is now the saved one.
          const next = new Set([...refillRef.current].filter((k) => !(k in payload)));
          refillRef.current = next;
          setRefill(next);
        }
        setServerErrors((prev) => {
          const next = { ...prev };
          for (const key of Object.keys(payload)) delete next[key];
          return next;
        });
        const nowErrs = check(valuesRef.current, true);
        const stillHeld = [...pending.current].filter((k) => nowErrs[k] || blocked.current.has(k)).length;
        setState(stillHeld > 0 ? { kind: 'invalid', count: stillHeld } : pending.current.size > 0 ? { kind: 'pending' } : { kind: 'saved', at: clock() });
      } catch (e) {
        const err = e instanceof ApiError ? e : null;
        if (err && err.details.length > 0) {
          const byKey = errorsByKey(err.details);
          let newlyBlocked = false;
          for (const [key, message] of Object.entries(byKey)) {
            if (key in payload && !blocked.current.has(key)) {
              blocked.current.set(key, message);
              newlyBlocked = true;
            }
          }
          // Save the other changes without the refused fields (each round blocks one more, so this ends).
          if (newlyBlocked && [...pending.current].some((k) => !blocked.current.has(k))) again.current = true;
          setServerErrors((prev) => ({ ...prev, ...byKey }));
          setTouched((prev) => new Set([...prev, ...Object.keys(byKey)]));
        }
        const message = err ? err.message : word('error_network');
        setState({ kind: 'error', message });
      } finally {
        inflight.current = null;
      }
    })();
    inflight.current = run;
    await run;
    if (again.current) {
      again.current = false;
      await runSave();
    }
  }, [check]);

  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    setState((s) => (s.kind === 'saving' ? s : { kind: 'pending' }));
    timer.current = setTimeout(() => void runSave(), delay);
  }, [delay, runSave]);

  const change = (key: string, v: unknown) => {
    const next = { ...valuesRef.current, [key]: v };
    valuesRef.current = next;
    setValues(next);
    setServerErrors((prev) => {
      if (!(key in prev)) return prev;
      const rest = { ...prev };
      delete rest[key];
      return rest;
    });
    blocked.current.delete(key);
    pending.current.add(key);
    schedule();
  };

  const touch = (key: string) => setTouched((prev) => (prev.has(key) ? prev : new Set([...prev, key])));

  const startRefill = (key: string) => {
    const next = new Set([...refillRef.current, key]);
    refillRef.current = next;
    setRefill(next);
    const vals = { ...valuesRef.current, [key]: '' };
    valuesRef.current = vals;
    setValues(vals);
    requestAnimationFrame(() => document.getElementById(fieldDomId(idPrefix, key))?.focus());
  };

  const cancelRefill = (key: string) => {
    const next = new Set(refillRef.current);
    next.delete(key);
    refillRef.current = next;
    setRefill(next);
    pending.current.delete(key);
    const vals = { ...valuesRef.current, [key]: initialValues[key] };
    valuesRef.current = vals;
    setValues(vals);
    setServerErrors((prev) => {
      const rest = { ...prev };
      delete rest[key];
      return rest;
    });
    requestAnimationFrame(() => document.getElementById(`${fieldDomId(idPrefix, key)}-refill`)?.focus());
  };

  useImperativeHandle(ref, () => ({
    async flush() {
      setShowRequired(true);
      setTouched(new Set(specs.keys()));
      if (inflight.current) await inflight.current;
      await runSave();
      const errs = check(valuesRef.current, true);
      const messageOf = (k: string) => errs[k] ?? blocked.current.get(k);
      const invalid = [...pending.current].filter((k) => messageOf(k) !== undefined);
      return { saved: pending.current.size === 0, invalid, errors: invalid.map((k) => ({ path: `form.${k}`, message: messageOf(k) as string, label: specs.get(k)?.label })) };
    },
    showErrors(list) {
      const byKey = errorsByKey(list);
      setShowRequired(true);
      setServerErrors((prev) => ({ ...prev, ...byKey }));
      setTouched((prev) => new Set([...prev, ...Object.keys(byKey)]));
    },
    focusField(key) {
      const el = document.getElementById(fieldDomId(idPrefix, key));
      el?.scrollIntoView({ block: 'center' });
      (el?.querySelector('input') ?? el)?.focus();
    },
  }), [specs, runSave, check, idPrefix]);

  // Leaving the page: save what is waiting, and warn while a save has not gone through.
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (pending.current.size > 0 || inflight.current) {
        void runSave();
        e.preventDefault();
      }
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      if (pending.current.size > 0) void runSave();
    };
  }, [runSave]);

  const errorOf = (key: string): string | undefined => serverErrors[key] ?? (touched.has(key) || showRequired ? clientErrors[key] : undefined);

  const renderField = (spec: FieldSpec) => {
    const id = fieldDomId(idPrefix, spec.key);
    const labelId = `${id}-label`;
    const errId = `${id}-error`;
    const noteId = `${id}-note`;
    const value = values[spec.key];
    const masked = isMasked(spec, value) && !refill.has(spec.key);
    const error = errorOf(spec.key);
    const changed = spec.valueFrom !== undefined && !masked && !refill.has(spec.key) && !same(value, spec.prefillValue) && !isEmpty(value);
    // The field's description and where a value came from are catalogue words; the rest is the form's own.
    const from = spec.valueFrom ? <Zh>{spec.valueFrom}</Zh> : null;
    const notes: [string, ReactNode][] = [
      spec.description ? ['description', <Zh>{spec.description}</Zh>] : null,
      from ? (changed ? ['changed', fillNodes(word('fh_prefilledChanged'), { from })] : refill.has(spec.key) ? null : ['prefilled', fillNodes(word('fh_prefilled'), { from })]) : null,
      masked ? ['masked', word('fh_masked')] : null,
      refill.has(spec.key) ? ['refill', word('fh_refillNote')] : null,
    ].filter((n): n is [string, ReactNode] => n !== null);
    const describedBy = [error ? errId : null, notes.length > 0 ? noteId : null].filter(Boolean).join(' ') || undefined;
    return (
      <Form.Item key={spec.key} htmlFor={id} required={spec.required} style={{ maxWidth: 640 }}
        label={<span id={labelId} lang="zh-CN">{spec.label}</span>}
        validateStatus={error ? 'error' : undefined}
        help={error ? <span id={errId} style={ERROR_TEXT}>{error}</span> : undefined}
        extra={notes.length > 0 ? <span id={noteId} style={{ ...MUTED, display: 'block' }}>{notes.map(([k, n]) => <span key={k} style={{ display: 'block' }}>{n}</span>)}</span> : undefined}>
        {masked ? (
          <Space.Compact style={{ width: '100%', maxWidth: 420 }}>
            <Input id={id} readOnly value={String(value)} aria-describedby={describedBy} style={{ flex: 1, minWidth: 0 }} variant="filled" />
            <Button id={`${id}-refill`} onClick={() => startRefill(spec.key)}>{word('fh_refill')}<span style={hidden}>{word('fh_refillWhat')}<Zh>{spec.label}</Zh></span></Button>
          </Space.Compact>
        ) : (
          refill.has(spec.key) ? (
            <Space.Compact style={{ width: '100%', maxWidth: 420 }}>
              <FieldControl spec={spec} id={id} labelId={labelId} value={value} invalid={!!error} describedBy={describedBy}
                onChange={(v) => change(spec.key, v)} onBlur={() => touch(spec.key)} />
              <Button onClick={() => cancelRefill(spec.key)}>{word('fh_cancel')}<span style={hidden}>{word('fh_cancelKeep')}<Zh>{spec.label}</Zh></span></Button>
            </Space.Compact>
          ) : (
            <FieldControl spec={spec} id={id} labelId={labelId} value={value} invalid={!!error} describedBy={describedBy}
              onChange={(v) => change(spec.key, v)} onBlur={() => touch(spec.key)} />
          )
        )}
      </Form.Item>
    );
  };

  const Heading = `h${headingLevel}` as const;
  return (
    <div>
      <SaveStatus state={state} onRetry={() => void runSave()} />
      <Typography.Paragraph style={{ ...MUTED, marginTop: 8 }}>
        {word('fh_requiredBefore')}<span style={{ color: '#c0392b' }} aria-hidden="true">*</span><span style={hidden}>{word('fh_asterisk')}</span>{word('fh_requiredAfter')}
      </Typography.Paragraph>
      <Form layout="vertical" component="div" requiredMark>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {form.sections.map((section) => (
            <Card key={section.id} size="small" title={<Heading id={`${idPrefix}-section-${section.id}`} lang="zh-CN" style={{ margin: 0, fontSize: 'inherit', whiteSpace: 'normal' }}>{section.title}</Heading>} role="group" aria-labelledby={`${idPrefix}-section-${section.id}`}>
              {section.fields.map((key) => specs.get(key)).filter((s): s is FieldSpec => !!s).map(renderField)}
            </Card>
          ))}
        </Space>
      </Form>
    </div>
  );
}

/** Whether the draft is saved, announced politely to screen readers; stays in view while scrolling. */
export function SaveStatus({ state, onRetry }: { state: SaveState; onRetry(): void }) {
  const text = {
    idle: word('fm_idle'),
    pending: word('fm_pending'),
    saving: word('fm_saving'),
    saved: state.kind === 'saved' ? word('fm_saved', { at: state.at }) : '',
    invalid: state.kind === 'invalid' ? word('fm_invalid', { n: state.count }) : '',
    error: state.kind === 'error' ? word('fm_error', { message: state.message }) : '',
  }[state.kind];
  const color = state.kind === 'saved' ? '#237804' : state.kind === 'error' || state.kind === 'invalid' ? '#a8071a' : '#595959';
  return (
    <div style={{ position: 'sticky', top: 0, zIndex: 5, background: '#fff', borderBottom: '1px solid #f0f0f0', paddingBlock: 8, paddingInline: 8, borderRadius: 4, display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
      <span role="status" aria-live="polite" style={{ color, fontWeight: 600 }}>
        {state.kind === 'saved' ? '✓ ' : state.kind === 'saving' ? '⟳ ' : state.kind === 'error' || state.kind === 'invalid' ? '! ' : ''}{text}
      </span>
      {state.kind === 'error' && <Button size="small" onClick={onRetry}>{word('fm_retry')}</Button>}
    </div>
  );
}
