/** Where each item of a submitted case stands: waiting, sent to its department, in review, decided. */
import { Card, Space, Steps, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { CaseView, ProgressItem, TaskStatus } from './types.ts';
import { MUTED } from '../../shared/form/muted.ts';
import { dueText } from '../../../core/calendar/workdays.ts';

type StepStatus = 'wait' | 'process' | 'finish' | 'error';

const TAG_COLOR: Record<TaskStatus, string> = {
  waiting: 'default', dispatched: 'processing', claimed: 'processing', supplement: 'warning', approved: 'success', refused: 'error', stopped: 'default',
};

/** The applicant's words for a task's status. */
export const TASK_TEXT: Record<TaskStatus, string> = {
  waiting: '等待前置事项', dispatched: '已分发到部门', claimed: '办理中', supplement: '需要补正', approved: '已办结', refused: '不予办理', stopped: '已终止',
};

function steps(p: ProgressItem): { current: number; status: StepStatus; items: { title: string }[] } {
  const last = p.status === 'refused' ? '不予办理' : p.status === 'stopped' ? '终止' : '已办结';
  const items = [{ title: '等待' }, { title: '已分发' }, { title: p.status === 'supplement' ? '补正' : '办理中' }, { title: last }];
  switch (p.status) {
    case 'waiting': return { current: 0, status: 'process', items };
    case 'dispatched': return { current: 1, status: 'process', items };
    case 'claimed': return { current: 2, status: 'process', items };
    case 'supplement': return { current: 2, status: 'error', items };
    case 'approved': return { current: 3, status: 'finish', items };
    case 'refused': return { current: 3, status: 'error', items };
    case 'stopped': return { current: 3, status: 'error', items };
  }
}

function ItemProgress({ p, promised, view }: { p: ProgressItem; promised: number | undefined; view: CaseView }) {
  const s = steps(p);
  const names = new Map(view.materials.map((m) => [m.id, m.name]));
  const limit = promised === undefined ? '' : promised === 0 ? '即办' : `承诺 ${promised} 个工作日`;
  return (
    <li style={{ listStyle: 'none', borderBottom: '1px solid #f0f0f0', paddingBlock: 12 }}>
      <Typography.Title level={4} style={{ fontSize: '1.05em', margin: 0 }}>
        {p.name} <Tag color={TAG_COLOR[p.status]}>{TASK_TEXT[p.status]}</Tag>
      </Typography.Title>
      <Typography.Text style={MUTED}>{p.department.name}</Typography.Text>
      <Steps type="dot" size="small" responsive={false} titlePlacement="vertical" current={s.current} status={s.status} items={s.items}
        style={{ marginBlock: 12 }} aria-hidden="true" />
      <ul style={{ margin: 0, paddingInlineStart: '1.3em' }}>
        {p.status === 'waiting' && <li>前一个事项办结后自动开始办理{limit && `，${limit}`}</li>}
        {p.dispatchedOn && <li>{p.dispatchedOn} 已分发到{p.department.name}</li>}
        {p.dueDate && !p.decidedOn && p.status !== 'stopped' && <li>{limit}，应于 <Typography.Text strong>{dueText(p.dueDate, p.dueProvisional)}</Typography.Text> 前办结{p.status === 'supplement' ? '（补正期间暂停计时）' : ''}{p.dueProvisional ? '。该年度国务院节假日安排尚未发布，期限按法定节假日暂算，发布后以正式安排为准' : ''}</li>}
        {p.supplement && <li>{p.supplement.requestedOn} 部门要求补正：{p.supplement.note}（{p.supplement.materials.map((m) => `「${names.get(m) ?? m}」`).join('')}）</li>}
        {p.decidedOn && p.status === 'approved' && (
          <li>
            {p.decidedOn} 已办结{p.result ? `：${p.result.name}` : ''}{p.result?.ref ? `（编号 ${p.result.ref}）` : ''}
            {p.result?.license && <>，电子证照已放入<Link to="/wallet">我的卡包</Link></>}
          </li>
        )}
        {p.status === 'refused' && <li>{p.decidedOn} 不予办理，原因：{(p.reasons ?? []).join('；') || '见不予办理文书'}</li>}
        {p.status === 'stopped' && <li>已终止：{p.stopReason ?? ''}</li>}
      </ul>
      <span style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>进度：{s.items.slice(0, s.current + 1).map((i) => i.title).join('，')}</span>
    </li>
  );
}

export function Progress({ view }: { view: CaseView }) {
  const promised = new Map((view.plan?.items ?? []).map((i) => [i.id, i.timeLimit.promised]));
  // In the plan's order: the stages as the applicant saw them before submitting.
  const order = new Map((view.plan?.items ?? []).map((i, n) => [i.id, n]));
  const progress = [...view.progress].sort((a, b) => (order.get(a.item) ?? 99) - (order.get(b.item) ?? 99));
  const done = view.progress.filter((p) => p.status === 'approved').length;
  return (
    <Card title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>办理进度</h3>}>
      {view.progress.length === 0
        ? <Typography.Paragraph style={{ margin: 0 }}>受理后，各事项的办理进度会显示在这里。</Typography.Paragraph>
        : (
          <Space orientation="vertical" style={{ width: '100%' }} size={0}>
            <Typography.Text>共 {view.progress.length} 个事项，已办结 {done} 个。</Typography.Text>
            <ol style={{ padding: 0, margin: 0, position: 'relative' }}>
              {progress.map((p) => <ItemProgress key={p.item} p={p} promised={promised.get(p.item)} view={view} />)}
            </ol>
          </Space>
        )}
    </Card>
  );
}
