/**
 * The completeness check at acceptance: each material against its formal review points, ticked by
 * the clerk, with the application form as submitted (online ones too), then an outcome: accept, accept
 * on commitment, tell every correction at once (补正), or — outside the remit or not eligible — reject.
 */
import { Alert, Button, Card, Checkbox, Input, Modal, Space, Spin, Tag, Typography } from 'antd';
import { FormSummary } from '../shared/form/index.ts';
import { CorrectionsDialog, RejectDialog, type CorrectionRow } from './Corrections.tsx';
import { useMemo, useState } from 'react';
import { EXEMPTION_TEXT, MATERIAL_FORM_TEXT, MATERIAL_MEDIUM_TEXT } from '../../core/planning/labels.ts';
import { get, post } from '../shared/api.ts';
import { useAction } from '../shared/useAction.ts';
import { useLoad } from '../shared/useLoad.ts';
import type { CaseView, CheckResult, MaterialCheck } from './types.ts';
import { addDays, LoadError, Section, thenOpen, today } from './ui.tsx';

const STATUS: Record<MaterialCheck['status'], { text: string; color: string }> = {
  provided: { text: '已提交', color: 'green' },
  exempt: { text: '免提交', color: 'blue' },
  missing: { text: '缺少', color: 'red' },
};

const pointKey = (material: string, i: number) => `${material}#${i}`;

/** Every missing material, and every formal point of a provided one not ticked, as a correction to tell. */
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
  const check = useLoad(() => get<CheckResult>(`/api/window/cases/${caseView.id}/check`), [caseView.id]);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<'accept' | 'commitment' | 'corrections' | 'reject' | null>(null);

  const materials = useMemo(() => check.data?.materials ?? [], [check.data]);
  const points = materials.filter((m) => m.status === 'provided').flatMap((m) => m.review.formal.map((_, i) => pointKey(m.id, i)));
  const open = points.filter((p) => !ticked.has(p)).length;
  const missing = materials.filter((m) => m.status === 'missing');

  if (check.error) return <LoadError error={check.error} retry={check.reload} />;
  if (!check.data) return <Spin description="正在核对材料…" />;
  const { complete, onlyDeferrableMissing } = check.data;

  const toggle = (key: string, on: boolean) => setTicked((prev) => {
    const next = new Set(prev);
    if (on) next.add(key);
    else next.delete(key);
    return next;
  });

  const verdict = complete
    ? { type: 'success' as const, text: '材料齐全，逐项核对形式审查要点后可以受理。' }
    : onlyDeferrableMissing
      ? { type: 'warning' as const, text: `缺少 ${missing.length} 份材料，均可容缺：可以容缺受理，申请人签署告知承诺书并在期限内补交。` }
      : { type: 'error' as const, text: `缺少 ${missing.length} 份材料，其中有不可容缺的材料：暂不能受理，请一次性告知需补正的全部内容，申请保留待补正。` };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert type={verdict.type} showIcon title={verdict.text} />
      {caseView.correction?.answeredOn && <Alert type="info" showIcon title={`申请人已于 ${caseView.correction.answeredOn} 补正，请核对补正的材料和表单项`} />}
      {caseView.plan && (
        <Section title="申请表">
          <FormSummary form={caseView.plan.form} values={caseView.form} />
        </Section>
      )}
      <Section title="材料核验" extra={<Typography.Text aria-live="polite">已核对 {points.length - open}/{points.length} 项要点</Typography.Text>}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {materials.map((m) => (
            <Card key={m.id} size="small" type="inner" title={<h4 style={{ margin: 0, fontSize: 15, whiteSpace: 'normal' }}>{m.name}</h4>}
              extra={<Space size={4} wrap><Tag color={STATUS[m.status].color}>{STATUS[m.status].text}</Tag>{m.deferrable && m.status === 'missing' && <Tag color="orange">可容缺</Tag>}</Space>}>
              <Typography.Text type="secondary">{m.copies} 份 · {MATERIAL_FORM_TEXT[m.form]} · {MATERIAL_MEDIUM_TEXT[m.medium]}</Typography.Text>
              {m.exemption && <div style={{ marginTop: 4 }}><Tag color="blue">{EXEMPTION_TEXT[m.exemption.kind]}</Tag>{m.exemption.evidence}</div>}
              {m.files.length > 0 && (
                <ul style={{ margin: '4px 0', paddingInlineStart: 20 }}>
                  {m.files.map((f) => <li key={f.id}><a href={`/api/cases/${caseView.id}/files/${f.id}`} target="_blank" rel="noreferrer">查看：{f.name}</a></li>)}
                </ul>
              )}
              {m.status === 'provided' && m.review.formal.length > 0 && (
                <fieldset style={{ border: 0, padding: 0, margin: '8px 0 0' }}>
                  <legend style={{ fontSize: 14, fontWeight: 600, marginBottom: 4 }}>形式审查要点（核对无误后勾选）</legend>
                  {m.review.formal.map((p, i) => (
                    <div key={p + i} style={{ paddingBlock: 4 }}>
                      <Checkbox checked={ticked.has(pointKey(m.id, i))} onChange={(e) => toggle(pointKey(m.id, i), e.target.checked)}>{p}</Checkbox>
                    </div>
                  ))}
                </fieldset>
              )}
              {m.status === 'missing' && <Typography.Paragraph type="danger" style={{ margin: '8px 0 0' }}>申请人未提交该材料{m.deferrable ? '，可容缺后补' : '，不可容缺'}。</Typography.Paragraph>}
            </Card>
          ))}
        </Space>
      </Section>

      <Section title="受理决定">
        {open > 0 && (complete || onlyDeferrableMissing) && <Typography.Paragraph type="warning">还有 {open} 项形式审查要点未勾选核对，全部核对后方可受理。</Typography.Paragraph>}
        <Space wrap>
          <Button type="primary" size="large" disabled={!complete || open > 0} onClick={() => setDialog('accept')}>受理</Button>
          <Button size="large" disabled={!onlyDeferrableMissing || open > 0} onClick={() => setDialog('commitment')}>容缺受理</Button>
          <Button size="large" onClick={() => setDialog('corrections')}>一次性告知补正</Button>
          <Button danger size="large" onClick={() => setDialog('reject')}>不予受理</Button>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          受理后出具受理凭证，各部门同时开始办理；容缺受理出具告知承诺书；材料不齐全或不符合法定形式的，出具补正材料通知书，一次性告知全部补正内容，申请保留待补正；不属于受理范围或申请人不具备资格的，出具不予受理通知书。文书在新窗口打开，可直接打印。
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
  const { busy, error, run } = useAction();
  const ok = async () => {
    if (await run(() => thenOpen(() => `/api/cases/${caseView.id}/documents/receipt.pdf`, async () => { await post(`/api/window/cases/${caseView.id}/accept`); }))) {
      onClose();
      onDone();
    }
  };
  return (
    <Modal open={open} title="确认受理" onCancel={onClose} onOk={ok} okText="受理并打印受理凭证" cancelText="取消" confirmLoading={busy} destroyOnHidden>
      <Typography.Paragraph>办件 {caseView.number}（{caseView.matter.name}）材料齐全、符合法定形式，予以受理。</Typography.Paragraph>
      <Typography.Paragraph type="secondary">受理后各部门同时收到子件开始办理，受理凭证在新窗口打开。</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
    </Modal>
  );
}

function CommitmentDialog({ caseView, missing, onClose, onDone }: { caseView: CaseView; missing: MaterialCheck[]; onClose(): void; onDone(): void }) {
  const day = today();
  const [deadlines, setDeadlines] = useState<Record<string, string>>(() => Object.fromEntries(missing.map((m) => [m.id, addDays(day, 7)])));
  const { busy, error, setError, run } = useAction();
  const bad = missing.filter((m) => !/^\d{4}-\d{2}-\d{2}$/.test(deadlines[m.id] ?? '') || (deadlines[m.id] ?? '') < day);
  const ok = async () => {
    if (bad.length > 0) {
      setError(`请为每项容缺材料填写不早于今天的补交期限：${bad.map((m) => m.name).join('、')}`);
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
    <Modal open title="容缺受理" onCancel={onClose} onOk={ok} okText="容缺受理并打印告知承诺书" cancelText="取消" confirmLoading={busy} width={640}>
      <Typography.Paragraph>以下材料容缺后补。请与申请人商定每项材料的补交期限，写入告知承诺书，由申请人签字确认。</Typography.Paragraph>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {missing.map((m) => (
          <div key={m.id} style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', justifyContent: 'space-between' }}>
            <label htmlFor={`deadline-${m.id}`} style={{ flex: '1 1 240px' }}>{m.name}的补交期限</label>
            <Input id={`deadline-${m.id}`} type="date" min={day} value={deadlines[m.id] ?? ''} style={{ width: 180 }}
              status={bad.includes(m) ? 'error' : undefined} onChange={(e) => setDeadlines((d) => ({ ...d, [m.id]: e.target.value }))} />
          </div>
        ))}
      </Space>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginTop: 12 }} />}
    </Modal>
  );
}
