/**
 * One task: only the item's own fields and materials, the substantive review points, the case's
 * other items; claim, approve, refuse, ask for supplement (and what came, Supplement.tsx); the lead department's joint review.
 */
import { Alert, Button, Checkbox, Descriptions, Form, Input, List, Modal, Popconfirm, Radio, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { shanghaiDay } from '../../shared/time/shanghai.ts';
import { get, post } from '../shared/api.ts';
import { useAuth } from '../shared/auth.tsx';
import { PrecheckPanel } from '../shared/precheck/Precheck.tsx';
import { displayValue } from '../shared/form/index.ts';
import { useAction, useToastAction } from '../shared/useAction.ts';
import { useLoad } from '../shared/useLoad.ts';
import type { Movement } from '../window/types.ts';
import { dueWords, fmtTime, LoadError, MOVEMENT, named, Section, TASK_STATUS, today } from '../window/ui.tsx';
import { isOpen, STATUS_COLOR, type TaskView } from './common.tsx';
import { SupplementDialog, SupplementHistory } from './Supplement.tsx';
import { SharedRecords } from './SharedRecords.tsx';
import { AutoDecisionNote } from './AutoDecision.tsx';
import { AUTO_ACTOR, AUTO_ACTOR_NAME } from '../../core/case/auto-decision.ts';
import { usePageTitle } from '../shared/usePageTitle.ts';
import { exemptionText } from '../shared/planLabels.ts';
import { usePrefs } from '../shared/prefs.tsx';
import { IntakeName } from '../shared/IntakeText.tsx';

export function TaskPage() {
  const { t } = usePrefs();
  usePageTitle(t('wbWorkbenchItem'));
  const { caseId = '', item = '' } = useParams();
  const { account } = useAuth();
  const base = `/api/department/tasks/${caseId}/${encodeURIComponent(item)}`;
  const v = useLoad(() => get<TaskView>(base), [base]);
  const guide = useLoad(() => (v.data ? get<{ guide: { name: string; lead: { code: string; name: string } } }>(`/api/public/matters/${encodeURIComponent(v.data.case.matter)}`) : Promise.resolve(null)), [v.data?.case.matter]);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<'approve' | 'refuse' | 'supplement' | null>(null);
  const { busy, msg, holder, run } = useToastAction();

  if (v.error) return <Space orientation="vertical"><Link to="/workbench">{t('wbBackToTheQueue')}</Link><LoadError error={v.error} retry={v.reload} /></Space>;
  if (!v.data) return <Spin description={t('wbLoading')} />;
  const { task, materials, others, form } = v.data;
  const mine = task.reviewer === account?.id;
  const points = materials.flatMap((m) => m.review.substantive.map((_, i) => `${m.id}#${i}`));
  const left = points.filter((p) => !ticked.has(p)).length;
  const overdue = isOpen(task.status) && task.dueDate !== undefined && task.dueDate < today();
  const isLeadDept = account?.role === 'lead' && guide.data?.guide.lead.code === account.department;

  const act = async (what: string, action: () => Promise<unknown>) => {
    if (await run(true, action, what)) v.reload();
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {holder}
      <Link to="/workbench">{t('wbBackToTheQueue')}</Link>
      <Typography.Title level={1} style={{ margin: 0 }}><span lang="zh-CN">{task.name}</span></Typography.Title>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} items={[
        { key: 'number', label: t('wbCaseNumber'), children: v.data.case.number },
        { key: 'matter', label: t('wbMatter'), children: <span lang="zh-CN">{guide.data?.guide.name ?? v.data.case.matter}</span> },
        { key: 'status', label: t('wbStatus'), children: <Tag color={STATUS_COLOR[task.status]}>{named(t, TASK_STATUS, task.status)}</Tag> },
        { key: 'due', label: t('wbDue4'), children: task.dueDate ? <>{dueWords(t, task.dueDate, task.dueProvisional)}{overdue && <Tag color="red" style={{ marginInlineStart: 8 }}>{t('wbOverdue3')}</Tag>}</> : '—' },
        ...(v.data.case.acceptedAt ? [{ key: 'accepted', label: t('wbAccepted'), children: fmtTime(v.data.case.acceptedAt) }] : []),
        ...(v.data.intake ? [{ key: 'intake', label: t('regionIntake'), children: <IntakeName intake={v.data.intake} /> }] : []),
        ...(task.reviewer ? [{ key: 'who', label: task.reviewer === AUTO_ACTOR ? t('wbReviewer') : t('wbClaimedBy'), children: task.reviewer === AUTO_ACTOR ? AUTO_ACTOR_NAME : mine ? t('wbMe') : t('wbAnotherReviewer') }] : []),
      ]} />

      {v.data.autoDecision && <AutoDecisionNote note={v.data.autoDecision} />}

      <Section title={t('wbHandling')}>
        {task.status === 'dispatched' && (
          <Space orientation="vertical">
            <Typography.Text>{t('wbThisPartIsWaiting')}</Typography.Text>
            <Button type="primary" size="large" loading={busy !== null} onClick={() => void act(t('wbClaimed'), () => post(`${base}/claim`))}>{t('wbClaim')}</Button>
          </Space>
        )}
        {task.status === 'claimed' && mine && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {left > 0 && <Typography.Text type="warning">{t('wbStill')} {left} {t('wbSubstantiveReviewPointS')}</Typography.Text>}
            <Space wrap>
              <Button type="primary" size="large" disabled={left > 0} onClick={() => setDialog('approve')}>{t('wbApprove')}</Button>
              <Button danger size="large" onClick={() => setDialog('refuse')}>{t('wbRefuse')}</Button>
              <Button size="large" onClick={() => setDialog('supplement')}>{t('wbAskForMoreMaterials')}</Button>
              <Popconfirm title={t('wbAfterReturningItTo')} okText={t('wbReturn')} cancelText={t('wbCancel')} onConfirm={() => act(t('wbReturnedToTheQueue'), () => post(`${base}/release`))}>
                <Button size="large" disabled={busy !== null}>{t('wbReturnToTheQueue')}</Button>
              </Popconfirm>
            </Space>
          </Space>
        )}
        {task.status === 'claimed' && !mine && (
          <Space orientation="vertical">
            <Typography.Text>{t('wbAnotherReviewerHasClaimed')}</Typography.Text>
            {account?.role === 'lead' && (
              <Popconfirm title={t('wbReturnThisPartTo')} okText={t('wbReturn')} cancelText={t('wbCancel')} onConfirm={() => act(t('wbReturnedToTheQueue'), () => post(`${base}/release`))}>
                <Button>{t('wbReturnToTheQueue')}</Button>
              </Popconfirm>
            )}
          </Space>
        )}
        {task.status === 'supplement' && task.supplement && (
          <Alert type="warning" showIcon title={t('wbMoreMaterialsAskedOn', { requestedOn: task.supplement.requestedOn })} description={<span lang="zh-CN">{`${(task.supplement.entries?.map((e) => e.name) ?? task.supplement.materials).join('、')}${task.supplement.note ? `。${task.supplement.note}` : ''}`}</span>} />
        )}
        {task.status === 'approved' && <Alert type="success" showIcon title={t('wbApprovedOn', { p0: task.decidedOn ?? '' })} description={task.result ? <><span lang="zh-CN">{task.result.name}</span>{task.result.ref ? t('wbResultNumber', { ref: task.result.ref }) : ''}{task.result.license ? t('wbLicenceIssued') : ''}</> : undefined} />}
        {task.status === 'refused' && <Alert type="error" showIcon title={t('wbRefusedOn', { p0: task.decidedOn ?? '' })} description={task.reasons && <span lang="zh-CN">{task.reasons.join(t('wbSep15'))}</span>} />}
        {task.status === 'stopped' && <Alert type="info" showIcon title={t('wbThisPartWasEnded')} description={task.stopReason && <span lang="zh-CN">{task.stopReason}</span>} />}
        {task.status === 'waiting' && <Alert type="info" showIcon title={t('wbSentOnceThePreceding')} />}
      </Section>

      <Section title={t('wbApplicationFormWhatThis')}>
        {form.fields.length === 0 ? <Typography.Text type="secondary">{t('wbThisItemNeedsNo')}</Typography.Text> : (
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={form.fields.map((f) => ({ key: f.key, label: <span lang="zh-CN">{f.label}</span>, children: <span lang="zh-CN" style={{ overflowWrap: 'anywhere' }}>{displayValue({ choices: f.options ?? [] }, form.values[f.key])}</span> }))} />
        )}
      </Section>

      <Section title={t('wbMaterialsAndSubstantiveReview')} extra={points.length > 0 ? <Typography.Text aria-live="polite">{t('wbChecked')} {points.length - left}/{points.length}</Typography.Text> : undefined}>
        <List dataSource={materials} renderItem={(m) => (
          <List.Item>
            <div style={{ width: '100%' }}>
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'space-between' }}>
                <Typography.Title level={4} style={{ fontSize: 15, margin: 0 }}><span lang="zh-CN">{m.name}</span></Typography.Title>
                {m.status === 'exempt' ? <Tag color="blue">{t('wbExempt')}</Tag> : m.files.length > 0 ? <Tag color="green">{t('wbSubmitted')}</Tag> : <Tag color="orange">{t('wbNotSubmittedDeferred')}</Tag>}
              </div>
              {m.exemption && <div><Tag color="blue">{exemptionText(m.exemption.kind)}</Tag><span lang="zh-CN">{m.exemption.evidence}</span></div>}
              {m.files.filter((f) => f.source !== 'exemption').length > 0 && (
                <ul style={{ margin: '4px 0', paddingInlineStart: 20 }}>
                  {m.files.filter((f) => f.source !== 'exemption').map((f) => <li key={f.id}><a href={`/api/cases/${caseId}/files/${f.id}`} target="_blank" rel="noreferrer">{t('wbDownload')}<span lang="zh-CN">{f.name}</span></a></li>)}
                </ul>
              )}
              {m.review.substantive.length > 0 && (
                <fieldset style={{ border: 0, padding: 0, margin: '8px 0 0' }}>
                  <legend style={{ fontSize: 14, fontWeight: 600, marginBottom: 4 }}>{t('wbSubstantiveReviewPoints')}</legend>
                  {m.review.substantive.map((p, i) => {
                    const key = `${m.id}#${i}`;
                    return (
                      <div key={key} style={{ paddingBlock: 4 }}>
                        <Checkbox checked={ticked.has(key)} disabled={!(task.status === 'claimed' && mine)}
                          onChange={(e) => setTicked((prev) => { const n = new Set(prev); if (e.target.checked) n.add(key); else n.delete(key); return n; })}><span lang="zh-CN">{p}</span></Checkbox>
                      </div>
                    );
                  })}
                </fieldset>
              )}
            </div>
          </List.Item>
        )} />
      </Section>

      <SharedRecords base={base} materials={materials} />
      <PrecheckPanel url={`${base}/precheck`} audience="staff" />

      <Section title={t('wbProgressOfTheOther')}>
        {others.length === 0 ? <Typography.Text type="secondary">{t('wbThisCaseHasOnly')}</Typography.Text> : (
          <List size="small" dataSource={others} renderItem={(o) => (
            <List.Item>
              <span><span lang="zh-CN">{o.name}</span><Typography.Text type="secondary">{t('wbSep')}<span lang="zh-CN">{o.department}</span>{t('wbSep2')}</Typography.Text></span>
              <span><Tag color={STATUS_COLOR[o.status]}>{named(t, TASK_STATUS, o.status)}</Tag>{o.dueDate && <Typography.Text type="secondary">{t('wbDueDate')} {dueWords(t, o.dueDate, o.dueProvisional)}</Typography.Text>}</span>
            </List.Item>
          )} />
        )}
      </Section>

      <SupplementHistory caseId={caseId} list={v.data.supplements} />

      <CaseCirculation caseId={caseId} department={account?.department ?? ''} materials={materials} />

      {isLeadDept && v.data.case.acceptedAt && <JointReview caseId={caseId} acceptedOn={shanghaiDay(v.data.case.acceptedAt)} tasks={[{ item: task.id, name: task.name }, ...others.map((o) => ({ item: o.item, name: o.name }))]} />}

      {dialog === 'approve' && <ApproveDialog base={base} onClose={() => setDialog(null)} onDone={(t) => { msg.success(t); v.reload(); }} />}
      {dialog === 'refuse' && <RefuseDialog base={base} onClose={() => setDialog(null)} onDone={(t) => { msg.success(t); v.reload(); }} />}
      {dialog === 'supplement' && <SupplementDialog base={base} view={v.data} onClose={() => setDialog(null)} onDone={(t) => { msg.success(t); v.reload(); }} />}
    </Space>
  );
}

function ApproveDialog({ base, onClose, onDone }: { base: string; onClose(): void; onDone(text: string): void }) {
  const { t } = usePrefs();
  const [number, setNumber] = useState('');
  const [note, setNote] = useState('');
  const { busy, error, run } = useAction();
  const ok = async () => {
    if (await run(() => post(`${base}/approve`, { ...(number.trim() ? { number: number.trim() } : {}), ...(note.trim() ? { note: note.trim() } : {}) }))) {
      onClose();
      onDone(t('wbApproved'));
    }
  };
  return (
    <Modal open title={t('wbApprove')} onCancel={onClose} onOk={ok} okText={t('wbConfirmApproval')} cancelText={t('wbCancel')} confirmLoading={busy}>
      <Form layout="vertical" component="div">
        <Form.Item label={t('wbLicenceOrDocumentNumber')} htmlFor="approve-number" extra={t('wbOptionalIfEmptyThe')}>
          <Input id="approve-number" value={number} maxLength={64} onChange={(e) => setNumber(e.target.value)} autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('wbOpinion')} htmlFor="approve-note" extra={t('wbOptional')}>
          <Input.TextArea id="approve-note" value={note} maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} onChange={(e) => setNote(e.target.value)} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
    </Modal>
  );
}

function RefuseDialog({ base, onClose, onDone }: { base: string; onClose(): void; onDone(text: string): void }) {
  const { t } = usePrefs();
  const [reasons, setReasons] = useState<string[]>(['']);
  const { busy, error, setError, run } = useAction();
  const ok = async () => {
    const list = reasons.map((r) => r.trim()).filter(Boolean);
    if (list.length === 0) {
      setError(t('wbGiveTheReasonsFor'));
      return;
    }
    if (await run(() => post(`${base}/refuse`, { reasons: list }))) {
      onClose();
      onDone(t('wbRefusalDecided'));
    }
  };
  return (
    <Modal open title={t('wbRefuse')} onCancel={onClose} onOk={ok} okText={t('wbConfirmRefusal')} okButtonProps={{ danger: true }} cancelText={t('wbCancel')} confirmLoading={busy} width={640}>
      <Typography.Paragraph>{t('wbGiveTheReasonsAnd')}</Typography.Paragraph>
      {reasons.map((r, i) => (
        <div key={i} style={{ marginBottom: 12 }}>
          <label htmlFor={`reason-${i}`} style={{ display: 'block', marginBottom: 4 }}>{t('wbReason')} {i + 1}{i === 0 ? t('wbRequired2') : ''}</label>
          <Input.TextArea id={`reason-${i}`} value={r} maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} aria-required={i === 0}
            onChange={(e) => setReasons((x) => x.map((y, j) => (j === i ? e.target.value : y)))} />
          {reasons.length > 1 && <Button size="small" type="link" danger onClick={() => setReasons((x) => x.filter((_, j) => j !== i))} aria-label={t('wbRemoveReason', { p0: i + 1 })}>{t('wbRemove')}</Button>}
        </div>
      ))}
      <Button onClick={() => setReasons((x) => [...x, ''])} disabled={reasons.length >= 20}>{t('wbAddAnotherReason')}</Button>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginTop: 12 }} />}
    </Modal>
  );
}

function CaseCirculation({ caseId, department, materials }: { caseId: string; department: string; materials: TaskView['materials'] }) {
  const { t } = usePrefs();
  const list = useLoad(() => get<{ movements: Movement[] }>(`/api/cases/${caseId}/circulation`), [caseId]);
  const { busy, holder, run } = useToastAction<string>();
  const mine = (list.data?.movements ?? []).filter((m) => m.to === department || m.from === department);
  if (list.error || mine.length === 0) return null;
  const party = (c: string, name: string) => (c === department ? t('wbThisDepartment') : <span lang="zh-CN">{name}</span>);
  const receive = async (id: string) => {
    if (await run(id, () => post(`/api/circulation/${id}/receive`), t('wbReceivedSignedWithThis'))) void list.reload();
  };
  return (
    <Section title={t('wbMaterialTransfersAndReceipt')}>
      {holder}
      <List size="small" dataSource={mine} renderItem={(m) => (
        <List.Item actions={m.to === department && !m.received ? [<Button key="r" type="primary" loading={busy === m.id} onClick={() => void receive(m.id)} id={`receive-${m.id}`} aria-labelledby={`receive-${m.id} movement-${m.id}`}>{t('wbReceive2')}</Button>] : []}>
          <div>
            {/* The button is named by this line: the material name inside is data (lang="zh-CN"). */}
            <div id={`movement-${m.id}`}><Tag>{named(t, MOVEMENT, m.kind)}</Tag>{m.materialId ? <span lang="zh-CN">{materials.find((x) => x.id === m.materialId)?.name ?? m.materialId}</span> : t('wbAllMaterials')}{t('wbSep16')}{party(m.from, m.fromName)} → {party(m.to, m.toName)}{m.waybill ? t('wbWaybill', { waybill: m.waybill }) : ''}</div>
            <Typography.Text type="secondary">{fmtTime(m.sentAt)} {t('wbSent')} {m.received ? t('wbReceived', { p0: fmtTime(m.receivedAt) }) : t('wbAwaitingReceipt')}</Typography.Text>
          </div>
        </List.Item>
      )} />
    </Section>
  );
}

interface JointValues {
  kind: 'review' | 'inspection' | 'acceptance';
  tasks: string[];
  heldOn: string;
  outcome: string;
}


function JointReview({ caseId, acceptedOn, tasks }: { caseId: string; acceptedOn: string; tasks: { item: string; name: string }[] }) {
  const { t } = usePrefs();
  const [form] = Form.useForm<JointValues>();
  const { busy, error, run } = useAction();
  const [done, setDone] = useState<string | null>(null);
  const send = async (v: JointValues) => {
    if (await run(() => post('/api/department/joint-reviews', { caseId, kind: v.kind, tasks: v.tasks, heldOn: v.heldOn, outcome: v.outcome.trim() }))) {
      setDone(t('wbRecordedTheOf', { heldOn: v.heldOn, p1: t(({ review: 'wbJointReview', inspection: 'wbJointInspection', acceptance: 'wbJointAcceptance' } as const)[v.kind]) }));
      form.resetFields();
    }
  };
  return (
    <Section title={t('wbJointReviewInspectionAcceptance')}>
      <Typography.Paragraph type="secondary">{t('wbTheLeadDepartmentHas')}</Typography.Paragraph>
      {done && <Alert type="success" showIcon title={done} role="status" style={{ marginBottom: 12 }} />}
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
      <Form<JointValues> form={form} layout="vertical" onFinish={send} initialValues={{ kind: 'inspection', tasks: [], heldOn: today() }} style={{ maxWidth: 640 }}>
        <Form.Item label={t('wbType')} name="kind">
          <Radio.Group aria-label={t('wbType')} options={[{ value: 'review', label: t('wbJointReview') }, { value: 'inspection', label: t('wbJointInspection') }, { value: 'acceptance', label: t('wbJointAcceptance') }]} />
        </Form.Item>
        <Form.Item label={t('wbPartsConcerned')} name="tasks" rules={[{ validator: (_, v: string[]) => (v && v.length >= 2 ? Promise.resolve() : Promise.reject(new Error(t('wbChooseAtLeastTwo')))) }]}>
          <Checkbox.Group aria-label={t('wbPartsConcerned')} style={{ display: 'flex', flexDirection: 'column', gap: 8 }} options={tasks.map((t) => ({ value: t.item, label: t.name }))} />
        </Form.Item>
        <Form.Item label={t('wbDate')} name="heldOn" extra={t('wbBetweenTheAcceptanceDay', { acceptedOn })} rules={[{ required: true, message: t('wbEnterTheDate') },
          { validator: (_, d: string) => (!d || (d >= acceptedOn && d <= today()) ? Promise.resolve() : Promise.reject(new Error(t('wbEnterADateBetween', { acceptedOn, p1: today() })))) }]}>
          <Input type="date" min={acceptedOn} max={today()} style={{ maxWidth: 200 }} />
        </Form.Item>
        <Form.Item label={t('wbConclusion')} name="outcome" rules={[{ required: true, whitespace: true, message: t('wbEnterTheConclusion') }, { max: 2000, message: t('wbAtMost2000Characters') }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} placeholder={t('wbEGTheSite')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>{t('wbRecord')}</Button>
      </Form>
    </Section>
  );
}
