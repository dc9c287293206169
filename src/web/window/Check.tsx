/**
 * The completeness check at acceptance: each material against its formal review points, ticked by
 * the clerk, with the application form as submitted (online ones too), then an outcome: accept, accept
 * on commitment, tell every correction at once (补正), or — outside the remit or not eligible — reject.
 */
import { Alert, Button, Card, Checkbox, Input, Modal, Space, Spin, Tag, Typography } from 'antd';
import { FormSummary } from '../shared/form/index.ts';
import { CorrectionsDialog, RejectDialog, type CorrectionRow } from './Corrections.tsx';
import { useMemo, useState } from 'react';
import { get, post } from '../shared/api.ts';
import { useAction } from '../shared/useAction.ts';
import { useLoad } from '../shared/useLoad.ts';
import type { CaseView, CheckResult, MaterialCheck } from './types.ts';
import { addDays, LoadError, Section, thenOpen, today } from './ui.tsx';
import { exemptionText, formText, mediumText } from '../shared/planLabels.ts';
import { MATERIAL_FORM_TEXT } from '../../core/planning/labels.ts';
import { usePrefs } from '../shared/prefs.tsx';
import type { MessageKey } from '../shared/messages/index.ts';

const STATUS: Record<MaterialCheck['status'], { text: MessageKey; color: string }> = {
  provided: { text: 'winSubmitted2', color: 'green' },
  exempt: { text: 'winExempt', color: 'blue' },
  missing: { text: 'winMissing', color: 'red' },
};

const pointKey = (material: string, i: number) => `${material}#${i}`;

/**
 * Every missing material, and every formal point of a provided one not ticked, as a correction to tell.
 * The words prefill the notice the centre prints (a Chinese document), so they stay Chinese in either language.
 */
function draftCorrections(materials: MaterialCheck[], ticked: ReadonlySet<string>): CorrectionRow[] {
  const out: CorrectionRow[] = [];
  for (const m of materials) {
    if (m.status === 'missing') {
      out.push({ subject: `m:${m.id}`, problem: '未提交该材料', correction: `请提交${m.name} ${m.copies} 份（${MATERIAL_FORM_TEXT[m.form]}）` });
    } else if (m.status === 'provided') {
      const open = m.review.formal.filter((_, i) => !ticked.has(pointKey(m.id, i)));
      // Points left unticked once the clerk has started ticking are taken as not met.
      if (ticked.size > 0 && open.length > 0) {
        out.push({ subject: `m:${m.id}`, problem: `不符合形式要求：${open.join('；')}`, correction: `请按要求重新提供${m.name}` });
      }
    }
  }
  return out;
}

export function Check({ caseView, reload }: { caseView: CaseView; reload(): void }) {
  const { t } = usePrefs();
  const check = useLoad(() => get<CheckResult>(`/api/window/cases/${caseView.id}/check`), [caseView.id]);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<'accept' | 'commitment' | 'corrections' | 'reject' | null>(null);

  const materials = useMemo(() => check.data?.materials ?? [], [check.data]);
  const points = materials.filter((m) => m.status === 'provided').flatMap((m) => m.review.formal.map((_, i) => pointKey(m.id, i)));
  const open = points.filter((p) => !ticked.has(p)).length;
  const missing = materials.filter((m) => m.status === 'missing');

  if (check.error) return <LoadError error={check.error} retry={check.reload} />;
  if (!check.data) return <Spin description={t('winCheckingTheMaterials')} />;
  const { complete, onlyDeferrableMissing } = check.data;

  const toggle = (key: string, on: boolean) => setTicked((prev) => {
    const next = new Set(prev);
    if (on) next.add(key);
    else next.delete(key);
    return next;
  });

  const verdict = complete
    ? { type: 'success' as const, text: t('winMaterialsCompleteCheckEach') }
    : onlyDeferrableMissing
      ? { type: 'warning' as const, text: t('winMaterialSMissingAll', { n: missing.length }) }
      : { type: 'error' as const, text: t('winMaterialSMissingSome', { n: missing.length }) };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert type={verdict.type} showIcon title={verdict.text} />
      {caseView.correction?.answeredOn && <Alert type="info" showIcon title={t('winTheApplicantMadeCorrections', { answeredOn: caseView.correction.answeredOn })} />}
      {caseView.plan && (
        <Section title={t('winApplicationForm2')}>
          <FormSummary form={caseView.plan.form} values={caseView.form} />
        </Section>
      )}
      <Section title={t('winMaterialCheck')} extra={<Typography.Text aria-live="polite">{t('winChecked')} {points.length - open}/{points.length} {t('winReviewPoints')}</Typography.Text>}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {materials.map((m) => (
            <Card key={m.id} size="small" type="inner" title={<h4 style={{ margin: 0, fontSize: 15, whiteSpace: 'normal' }}><span lang="zh-CN">{m.name}</span></h4>}
              extra={<Space size={4} wrap><Tag color={STATUS[m.status].color}>{t(STATUS[m.status].text)}</Tag>{m.deferrable && m.status === 'missing' && <Tag color="orange">{t('winDeferrable')}</Tag>}</Space>}>
              <Typography.Text type="secondary">{m.copies} {t('winCopIes')} {formText(m.form)} · {mediumText(m.medium)}</Typography.Text>
              {m.exemption && <div style={{ marginTop: 4 }}><Tag color="blue">{exemptionText(m.exemption.kind)}</Tag><span lang="zh-CN">{m.exemption.evidence}</span></div>}
              {m.files.length > 0 && (
                <ul style={{ margin: '4px 0', paddingInlineStart: 20 }}>
                  {m.files.map((f) => <li key={f.id}><a href={`/api/cases/${caseView.id}/files/${f.id}`} target="_blank" rel="noreferrer">{t('winView')}<span lang="zh-CN">{f.name}</span></a></li>)}
                </ul>
              )}
              {m.status === 'provided' && m.review.formal.length > 0 && (
                <fieldset style={{ border: 0, padding: 0, margin: '8px 0 0' }}>
                  <legend style={{ fontSize: 14, fontWeight: 600, marginBottom: 4 }}>{t('winFormalReviewPointsTick')}</legend>
                  {m.review.formal.map((p, i) => (
                    <div key={p + i} style={{ paddingBlock: 4 }}>
                      <Checkbox checked={ticked.has(pointKey(m.id, i))} onChange={(e) => toggle(pointKey(m.id, i), e.target.checked)}><span lang="zh-CN">{p}</span></Checkbox>
                    </div>
                  ))}
                </fieldset>
              )}
              {m.status === 'missing' && <Typography.Paragraph type="danger" style={{ margin: '8px 0 0' }}>{t('winTheApplicantDidNot')}{m.deferrable ? t('winCanBeHandedIn') : t('winNotDeferrable')}{t('winSep7')}</Typography.Paragraph>}
            </Card>
          ))}
        </Space>
      </Section>

      <Section title={t('winAcceptanceDecision')}>
        {open > 0 && (complete || onlyDeferrableMissing) && <Typography.Paragraph type="warning">{t('winStill')} {open} {t('winFormalReviewPointS')}</Typography.Paragraph>}
        <Space wrap>
          <Button type="primary" size="large" disabled={!complete || open > 0} onClick={() => setDialog('accept')}>{t('winAccept')}</Button>
          <Button size="large" disabled={!onlyDeferrableMissing || open > 0} onClick={() => setDialog('commitment')}>{t('winAcceptWithDeferral')}</Button>
          <Button size="large" onClick={() => setDialog('corrections')}>{t('winTellCorrectionsAtOnce')}</Button>
          <Button danger size="large" onClick={() => setDialog('reject')}>{t('winNotAccepted2')}</Button>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('winAcceptingIssuesAnAcceptance')}
        </Typography.Paragraph>
      </Section>

      <AcceptDialog open={dialog === 'accept'} caseView={caseView} onClose={() => setDialog(null)} onDone={reload} />
      {dialog === 'commitment' && <CommitmentDialog caseView={caseView} missing={missing} onClose={() => setDialog(null)} onDone={reload} />}
      {dialog === 'corrections' && <CorrectionsDialog caseView={caseView} initial={draftCorrections(materials, ticked)} onClose={() => setDialog(null)} onDone={reload} />}
      {dialog === 'reject' && <RejectDialog caseView={caseView} onClose={() => setDialog(null)} onDone={reload} />}
    </Space>
  );
}

function AcceptDialog({ open, caseView, onClose, onDone }: { open: boolean; caseView: CaseView; onClose(): void; onDone(): void }) {
  const { t } = usePrefs();
  const { busy, error, run } = useAction();
  const ok = async () => {
    if (await run(() => thenOpen(() => `/api/cases/${caseView.id}/documents/receipt.pdf`, async () => { await post(`/api/window/cases/${caseView.id}/accept`); }))) {
      onClose();
      onDone();
    }
  };
  return (
    <Modal open={open} title={t('winConfirmAcceptance')} onCancel={onClose} onOk={ok} okText={t('winAcceptAndPrintThe')} cancelText={t('winCancel')} confirmLoading={busy} destroyOnHidden>
      <Typography.Paragraph>{t('winCase')} {caseView.number}{t('winSep8')}<span lang="zh-CN">{caseView.matter.name}</span>{t('winMaterialsCompleteAndIn')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('winAfterAcceptanceEveryDepartment')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
    </Modal>
  );
}

function CommitmentDialog({ caseView, missing, onClose, onDone }: { caseView: CaseView; missing: MaterialCheck[]; onClose(): void; onDone(): void }) {
  const { t } = usePrefs();
  const day = today();
  const [deadlines, setDeadlines] = useState<Record<string, string>>(() => Object.fromEntries(missing.map((m) => [m.id, addDays(day, 7)])));
  const { busy, error, setError, run } = useAction();
  const bad = missing.filter((m) => !/^\d{4}-\d{2}-\d{2}$/.test(deadlines[m.id] ?? '') || (deadlines[m.id] ?? '') < day);
  const ok = async () => {
    if (bad.length > 0) {
      setError(t('winGiveEachDeferredMaterial', { p0: bad.map((m) => m.name).join('、') }));
      return;
    }
    const done = await run(() => thenOpen(() => `/api/cases/${caseView.id}/documents/commitment.pdf`, async () => {
      await post(`/api/window/cases/${caseView.id}/accept-on-commitment`, { deferred: missing.map((m) => ({ material: m.id, deadline: deadlines[m.id] })) });
    }));
    if (done) {
      onClose();
      onDone();
    }
  };
  return (
    <Modal open title={t('winAcceptWithDeferral')} onCancel={onClose} onOk={ok} okText={t('winAcceptWithDeferralAnd')} cancelText={t('winCancel')} confirmLoading={busy} width={640}>
      <Typography.Paragraph>{t('winTheseMaterialsAreHanded')}</Typography.Paragraph>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {missing.map((m) => (
          <div key={m.id} style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', justifyContent: 'space-between' }}>
            <label htmlFor={`deadline-${m.id}`} style={{ flex: '1 1 240px' }}><span lang="zh-CN">{m.name}</span>{t('winDueDate2')}</label>
            <Input id={`deadline-${m.id}`} type="date" min={day} value={deadlines[m.id] ?? ''} style={{ width: 180 }}
              status={bad.includes(m) ? 'error' : undefined} onChange={(e) => setDeadlines((d) => ({ ...d, [m.id]: e.target.value }))} />
          </div>
        ))}
      </Space>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginTop: 12 }} />}
    </Modal>
  );
}
