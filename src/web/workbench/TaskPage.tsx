/**
 * One task: only the item's own fields and materials, the substantive review points, the case's
 * other items; claim, approve, refuse, ask for supplement (and what came, Supplement.tsx); the lead department's joint review.
 */
import { Alert, Button, Checkbox, Descriptions, Form, Input, List, Modal, Popconfirm, Radio, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { EXEMPTION_TEXT } from '../../core/planning/labels.ts';
import { TASK_STATUS_LABEL } from '../../core/case/task.ts';
import { dueText } from '../../core/calendar/workdays.ts';
import { shanghaiDay } from '../../shared/time/shanghai.ts';
import { get, post } from '../shared/api.ts';
import { useAuth } from '../shared/auth.tsx';
import { displayValue } from '../shared/form/index.ts';
import { useAction, useToastAction } from '../shared/useAction.ts';
import { useLoad } from '../shared/useLoad.ts';
import type { Movement } from '../window/types.ts';
import { fmtTime, LoadError, MOVEMENT, Section, today } from '../window/ui.tsx';
import { isOpen, STATUS_COLOR, type TaskView } from './common.tsx';
import { SupplementDialog, SupplementHistory } from './Supplement.tsx';
import { SharedRecords } from './SharedRecords.tsx';
import { AutoDecisionNote } from './AutoDecision.tsx';
import { AUTO_ACTOR, AUTO_ACTOR_NAME } from '../../core/case/auto-decision.ts';
import { usePageTitle } from '../shared/usePageTitle.ts';

export function TaskPage() {
  usePageTitle('部门工作台 审批事项');
  const { caseId = '', item = '' } = useParams();
  const { account } = useAuth();
  const base = `/api/department/tasks/${caseId}/${encodeURIComponent(item)}`;
  const v = useLoad(() => get<TaskView>(base), [base]);
  const guide = useLoad(() => (v.data ? get<{ guide: { name: string; lead: { code: string; name: string } } }>(`/api/public/matters/${encodeURIComponent(v.data.case.matter)}`) : Promise.resolve(null)), [v.data?.case.matter]);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<'approve' | 'refuse' | 'supplement' | null>(null);
  const { busy, msg, holder, run } = useToastAction();

  if (v.error) return <Space orientation="vertical"><Link to="/workbench">← 返回办件队列</Link><LoadError error={v.error} retry={v.reload} /></Space>;
  if (!v.data) return <Spin description="加载中…" />;
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
      <Link to="/workbench">← 返回办件队列</Link>
      <Typography.Title level={1} style={{ margin: 0 }}>{task.name}</Typography.Title>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} items={[
        { key: 'number', label: '办件编号', children: v.data.case.number },
        { key: 'matter', label: '一件事', children: guide.data?.guide.name ?? v.data.case.matter },
        { key: 'status', label: '状态', children: <Tag color={STATUS_COLOR[task.status]}>{TASK_STATUS_LABEL[task.status]}</Tag> },
        { key: 'due', label: '办理期限', children: task.dueDate ? <>{dueText(task.dueDate, task.dueProvisional)}{overdue && <Tag color="red" style={{ marginInlineStart: 8 }}>已超期</Tag>}</> : '—' },
        ...(v.data.case.acceptedAt ? [{ key: 'accepted', label: '受理时间', children: fmtTime(v.data.case.acceptedAt) }] : []),
        ...(task.reviewer ? [{ key: 'who', label: task.reviewer === AUTO_ACTOR ? '审批人' : '认领人', children: task.reviewer === AUTO_ACTOR ? AUTO_ACTOR_NAME : mine ? '我' : '其他审批人员' }] : []),
      ]} />

      {v.data.autoDecision && <AutoDecisionNote note={v.data.autoDecision} />}

      <Section title="办理">
        {task.status === 'dispatched' && (
          <Space orientation="vertical">
            <Typography.Text>该子件待认领。认领后由您负责审查和决定。</Typography.Text>
            <Button type="primary" size="large" loading={busy !== null} onClick={() => void act('已认领', () => post(`${base}/claim`))}>认领</Button>
          </Space>
        )}
        {task.status === 'claimed' && mine && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {left > 0 && <Typography.Text type="warning">还有 {left} 项实质审查要点未勾选，全部核对后方可准予办理。</Typography.Text>}
            <Space wrap>
              <Button type="primary" size="large" disabled={left > 0} onClick={() => setDialog('approve')}>准予办理</Button>
              <Button danger size="large" onClick={() => setDialog('refuse')}>不予办理</Button>
              <Button size="large" onClick={() => setDialog('supplement')}>要求补充材料</Button>
              <Popconfirm title="退回队列后其他审批人员可以认领，确定吗？" okText="退回" cancelText="取消" onConfirm={() => act('已退回队列', () => post(`${base}/release`))}>
                <Button size="large" disabled={busy !== null}>退回队列</Button>
              </Popconfirm>
            </Space>
          </Space>
        )}
        {task.status === 'claimed' && !mine && (
          <Space orientation="vertical">
            <Typography.Text>该子件由其他审批人员认领办理。</Typography.Text>
            {account?.role === 'lead' && (
              <Popconfirm title="将该子件退回队列，由他人重新认领？" okText="退回" cancelText="取消" onConfirm={() => act('已退回队列', () => post(`${base}/release`))}>
                <Button>退回队列</Button>
              </Popconfirm>
            )}
          </Space>
        )}
        {task.status === 'supplement' && task.supplement && (
          <Alert type="warning" showIcon title={`${task.supplement.requestedOn} 要求补充材料，计时暂停，等待申请人补充`} description={`${(task.supplement.entries?.map((e) => e.name) ?? task.supplement.materials).join('、')}${task.supplement.note ? `。${task.supplement.note}` : ''}`} />
        )}
        {task.status === 'approved' && <Alert type="success" showIcon title={`${task.decidedOn ?? ''} 准予办理`} description={task.result ? `${task.result.name}${task.result.ref ? `，编号 ${task.result.ref}` : ''}${task.result.license ? '（已签发电子证照）' : ''}` : undefined} />}
        {task.status === 'refused' && <Alert type="error" showIcon title={`${task.decidedOn ?? ''} 不予办理`} description={task.reasons?.join('；')} />}
        {task.status === 'stopped' && <Alert type="info" showIcon title="该子件已终止" description={task.stopReason} />}
        {task.status === 'waiting' && <Alert type="info" showIcon title="等待前置事项办结后派发" />}
      </Section>

      <Section title="申请表（本事项所需）">
        {form.fields.length === 0 ? <Typography.Text type="secondary">本事项不需要申请表信息。</Typography.Text> : (
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={form.fields.map((f) => ({ key: f.key, label: f.label, children: <span style={{ overflowWrap: 'anywhere' }}>{displayValue({ choices: f.options ?? [] }, form.values[f.key])}</span> }))} />
        )}
      </Section>

      <Section title="材料与实质审查要点" extra={points.length > 0 ? <Typography.Text aria-live="polite">已核对 {points.length - left}/{points.length}</Typography.Text> : undefined}>
        <List dataSource={materials} renderItem={(m) => (
          <List.Item>
            <div style={{ width: '100%' }}>
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'space-between' }}>
                <Typography.Title level={4} style={{ fontSize: 15, margin: 0 }}>{m.name}</Typography.Title>
                {m.status === 'exempt' ? <Tag color="blue">免提交</Tag> : m.files.length > 0 ? <Tag color="green">已提交</Tag> : <Tag color="orange">未提交（容缺）</Tag>}
              </div>
              {m.exemption && <div><Tag color="blue">{EXEMPTION_TEXT[m.exemption.kind]}</Tag>{m.exemption.evidence}</div>}
              {m.files.filter((f) => f.source !== 'exemption').length > 0 && (
                <ul style={{ margin: '4px 0', paddingInlineStart: 20 }}>
                  {m.files.filter((f) => f.source !== 'exemption').map((f) => <li key={f.id}><a href={`/api/cases/${caseId}/files/${f.id}`} target="_blank" rel="noreferrer">下载：{f.name}</a></li>)}
                </ul>
              )}
              {m.review.substantive.length > 0 && (
                <fieldset style={{ border: 0, padding: 0, margin: '8px 0 0' }}>
                  <legend style={{ fontSize: 14, fontWeight: 600, marginBottom: 4 }}>实质审查要点</legend>
                  {m.review.substantive.map((p, i) => {
                    const key = `${m.id}#${i}`;
                    return (
                      <div key={key} style={{ paddingBlock: 4 }}>
                        <Checkbox checked={ticked.has(key)} disabled={!(task.status === 'claimed' && mine)}
                          onChange={(e) => setTicked((prev) => { const n = new Set(prev); if (e.target.checked) n.add(key); else n.delete(key); return n; })}>{p}</Checkbox>
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

      <Section title="本件其他事项进度">
        {others.length === 0 ? <Typography.Text type="secondary">本件只有这一个事项。</Typography.Text> : (
          <List size="small" dataSource={others} renderItem={(o) => (
            <List.Item>
              <span>{o.name}<Typography.Text type="secondary">（{o.department}）</Typography.Text></span>
              <span><Tag color={STATUS_COLOR[o.status]}>{TASK_STATUS_LABEL[o.status]}</Tag>{o.dueDate && <Typography.Text type="secondary">期限 {dueText(o.dueDate, o.dueProvisional)}</Typography.Text>}</span>
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
  const [number, setNumber] = useState('');
  const [note, setNote] = useState('');
  const { busy, error, run } = useAction();
  const ok = async () => {
    if (await run(() => post(`${base}/approve`, { ...(number.trim() ? { number: number.trim() } : {}), ...(note.trim() ? { note: note.trim() } : {}) }))) {
      onClose();
      onDone('已准予办理');
    }
  };
  return (
    <Modal open title="准予办理" onCancel={onClose} onOk={ok} okText="确认准予办理" cancelText="取消" confirmLoading={busy}>
      <Form layout="vertical" component="div">
        <Form.Item label="证照或文书编号" htmlFor="approve-number" extra="选填；不填由系统按部门自动编号。颁发电子证照的，以此编号签发。">
          <Input id="approve-number" value={number} maxLength={64} onChange={(e) => setNumber(e.target.value)} autoComplete="off" />
        </Form.Item>
        <Form.Item label="办理意见" htmlFor="approve-note" extra="选填。">
          <Input.TextArea id="approve-note" value={note} maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} onChange={(e) => setNote(e.target.value)} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
    </Modal>
  );
}

function RefuseDialog({ base, onClose, onDone }: { base: string; onClose(): void; onDone(text: string): void }) {
  const [reasons, setReasons] = useState<string[]>(['']);
  const { busy, error, setError, run } = useAction();
  const ok = async () => {
    const list = reasons.map((r) => r.trim()).filter(Boolean);
    if (list.length === 0) {
      setError('请写明不予办理的理由（至少一条），理由将告知申请人');
      return;
    }
    if (await run(() => post(`${base}/refuse`, { reasons: list }))) {
      onClose();
      onDone('已作出不予办理决定');
    }
  };
  return (
    <Modal open title="不予办理" onCancel={onClose} onOk={ok} okText="确认不予办理" okButtonProps={{ danger: true }} cancelText="取消" confirmLoading={busy} width={640}>
      <Typography.Paragraph>写明不予办理的理由和依据，理由将告知申请人。</Typography.Paragraph>
      {reasons.map((r, i) => (
        <div key={i} style={{ marginBottom: 12 }}>
          <label htmlFor={`reason-${i}`} style={{ display: 'block', marginBottom: 4 }}>理由 {i + 1}{i === 0 ? '（必填）' : ''}</label>
          <Input.TextArea id={`reason-${i}`} value={r} maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} aria-required={i === 0}
            onChange={(e) => setReasons((x) => x.map((y, j) => (j === i ? e.target.value : y)))} />
          {reasons.length > 1 && <Button size="small" type="link" danger onClick={() => setReasons((x) => x.filter((_, j) => j !== i))} aria-label={`删除理由 ${i + 1}`}>删除</Button>}
        </div>
      ))}
      <Button onClick={() => setReasons((x) => [...x, ''])} disabled={reasons.length >= 20}>再加一条理由</Button>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginTop: 12 }} />}
    </Modal>
  );
}

function CaseCirculation({ caseId, department, materials }: { caseId: string; department: string; materials: TaskView['materials'] }) {
  const list = useLoad(() => get<{ movements: Movement[] }>(`/api/cases/${caseId}/circulation`), [caseId]);
  const { busy, holder, run } = useToastAction<string>();
  const mine = (list.data?.movements ?? []).filter((m) => m.to === department || m.from === department);
  if (list.error || mine.length === 0) return null;
  const party = (c: string, name: string) => (c === department ? '本部门' : name);
  const receive = async (id: string) => {
    if (await run(id, () => post(`/api/circulation/${id}/receive`), '已签收，本部门电子印章已签名')) void list.reload();
  };
  return (
    <Section title="材料流转与签收">
      {holder}
      <List size="small" dataSource={mine} renderItem={(m) => (
        <List.Item actions={m.to === department && !m.received ? [<Button key="r" type="primary" loading={busy === m.id} onClick={() => void receive(m.id)} aria-label={`签收：${MOVEMENT[m.kind] ?? m.kind} ${m.materialId ? materials.find((x) => x.id === m.materialId)?.name ?? '' : '全部材料'}`}>签收</Button>] : []}>
          <div>
            <div><Tag>{MOVEMENT[m.kind] ?? m.kind}</Tag>{m.materialId ? materials.find((x) => x.id === m.materialId)?.name ?? m.materialId : '全部材料'}：{party(m.from, m.fromName)} → {party(m.to, m.toName)}{m.waybill ? `，运单号 ${m.waybill}` : ''}</div>
            <Typography.Text type="secondary">{fmtTime(m.sentAt)} 发出 · {m.received ? `${fmtTime(m.receivedAt)} 已签收` : '待签收'}</Typography.Text>
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
  const [form] = Form.useForm<JointValues>();
  const { busy, error, run } = useAction();
  const [done, setDone] = useState<string | null>(null);
  const send = async (v: JointValues) => {
    if (await run(() => post('/api/department/joint-reviews', { caseId, kind: v.kind, tasks: v.tasks, heldOn: v.heldOn, outcome: v.outcome.trim() }))) {
      setDone(`已记录 ${v.heldOn} 的${{ review: '联合评审', inspection: '联合勘验', acceptance: '联合验收' }[v.kind]}`);
      form.resetFields();
    }
  };
  return (
    <Section title="联合评审、勘验、验收（牵头部门）">
      <Typography.Paragraph type="secondary">牵头部门组织相关部门对本件的多个子件一次联合评审、现场勘验或验收，记录在案。</Typography.Paragraph>
      {done && <Alert type="success" showIcon title={done} role="status" style={{ marginBottom: 12 }} />}
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
      <Form<JointValues> form={form} layout="vertical" onFinish={send} initialValues={{ kind: 'inspection', tasks: [], heldOn: today() }} style={{ maxWidth: 640 }}>
        <Form.Item label="类型" name="kind">
          <Radio.Group aria-label="类型" options={[{ value: 'review', label: '联合评审' }, { value: 'inspection', label: '联合勘验' }, { value: 'acceptance', label: '联合验收' }]} />
        </Form.Item>
        <Form.Item label="涉及的子件" name="tasks" rules={[{ validator: (_, v: string[]) => (v && v.length >= 2 ? Promise.resolve() : Promise.reject(new Error('请至少选择两个子件'))) }]}>
          <Checkbox.Group aria-label="涉及的子件" style={{ display: 'flex', flexDirection: 'column', gap: 8 }} options={tasks.map((t) => ({ value: t.item, label: t.name }))} />
        </Form.Item>
        <Form.Item label="日期" name="heldOn" extra={`受理日（${acceptedOn}）至今天之间。`} rules={[{ required: true, message: '请填写日期' },
          { validator: (_, d: string) => (!d || (d >= acceptedOn && d <= today()) ? Promise.resolve() : Promise.reject(new Error(`请填写 ${acceptedOn} 至 ${today()} 之间的日期`))) }]}>
          <Input type="date" min={acceptedOn} max={today()} style={{ maxWidth: 200 }} />
        </Form.Item>
        <Form.Item label="结论" name="outcome" rules={[{ required: true, whitespace: true, message: '请填写结论' }, { max: 2000, message: '最多 2000 字' }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} placeholder="如：现场布局与申报一致，消防通道畅通，同意各子件按程序办理。" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>记录</Button>
      </Form>
    </Section>
  );
}
