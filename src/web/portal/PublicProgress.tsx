/**
 * 办件进度查询: a walk-in applicant without an account follows a case with the number and the query
 * code of the receipt (its QR opens this page with both filled in). Shows what the server gives:
 * the matter, each item's status and dates, the expected completion; nothing personal.
 */
import { Alert, Button, Card, Form, Input, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Static } from 'typebox';
import type { PublicProgress as Answer } from '../../contracts/progress.ts';
import { dueText } from '../../core/calendar/workdays.ts';
import { errorText, get } from '../shared/api.ts';
import { TASK_TEXT } from './case/Progress.tsx';
import type { TaskStatus } from './case/types.ts';
import { usePageTitle } from '../shared/usePageTitle.ts';

type Progress = Static<typeof Answer>;
const COLOR: Record<string, string> = { waiting: 'default', dispatched: 'processing', claimed: 'processing', supplement: 'warning', approved: 'success', refused: 'error', stopped: 'default' };

function Items({ p }: { p: Progress }) {
  return (
    <ol aria-label="各事项办理情况" style={{ padding: 0, margin: 0 }}>
      {p.items.map((i) => (
        <li key={i.name} style={{ listStyle: 'none', borderBottom: '1px solid #f0f0f0', paddingBlock: 12 }}>
          <Typography.Title level={3} style={{ fontSize: '1.05em', margin: 0 }}>
            {i.name} <Tag color={COLOR[i.status]}>{TASK_TEXT[i.status as TaskStatus] ?? i.statusLabel}</Tag>
          </Typography.Title>
          <Typography.Text type="secondary">{i.department}</Typography.Text>
          <ul style={{ margin: '6px 0 0', paddingInlineStart: '1.3em' }}>
            {i.status === 'waiting' && <li>前一个事项办结后自动开始办理</li>}
            {i.dispatchedOn && <li>{i.dispatchedOn} 已分发到{i.department}</li>}
            {i.dueDate && !i.decidedOn && i.status !== 'stopped' && <li>应于 <Typography.Text strong>{dueText(i.dueDate, i.dueProvisional)}</Typography.Text> 前办结{i.status === 'supplement' ? '（补正期间暂停计时）' : ''}</li>}
            {i.decidedOn && <li>{i.decidedOn} {i.status === 'approved' ? '已办结' : i.status === 'refused' ? '不予办理' : '已办理'}</li>}
          </ul>
        </li>
      ))}
    </ol>
  );
}

export default function PublicProgress() {
  usePageTitle('办件进度查询');
  const [params, setParams] = useSearchParams();
  const number = params.get('n') ?? '';
  const code = params.get('c') ?? '';
  const [found, setFound] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (!number || !code) return;
    let live = true;
    setLoading(true);
    setError(null);
    get<Progress>(`/api/public/progress?number=${encodeURIComponent(number)}&code=${encodeURIComponent(code)}`)
      .then((p) => { if (live) setFound(p); })
      .catch((e: unknown) => { if (live) { setFound(null); setError(errorText(e)); } })
      .finally(() => { if (live) setLoading(false); });
    return () => { live = false; };
  }, [number, code]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 760, marginInline: 'auto' }}>
      <Typography.Title level={1} style={{ margin: 0 }}>办件进度查询</Typography.Title>
      <Card>
        <Form layout="vertical" initialValues={{ number, code }} key={`${number}|${code}`}
          onFinish={(v: { number: string; code: string }) => setParams({ n: v.number.trim(), c: v.code.trim() })}>
          <Typography.Paragraph type="secondary">请输入受理凭证上的办件编号（受理编号）和查询码，无需登录。</Typography.Paragraph>
          <Form.Item name="number" label="办件编号" rules={[{ required: true, message: '请输入办件编号' }]}><Input autoComplete="off" /></Form.Item>
          <Form.Item name="code" label="查询码" rules={[{ required: true, message: '请输入查询码' }]}><Input autoComplete="off" maxLength={12} style={{ maxWidth: 200 }} /></Form.Item>
          <Button type="primary" htmlType="submit" loading={loading}>查询</Button>
        </Form>
      </Card>
      {error && <Alert type="error" showIcon title={error} />}
      {found && (
        <Card title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{found.matterName}</h3>} extra={<Tag color="blue">{found.statusLabel}</Tag>}>
          <Space orientation="vertical" style={{ width: '100%' }} size="small">
            <Typography.Text>办件编号：{found.number}</Typography.Text>
            {found.acceptedOn && <Typography.Text>受理日期：{found.acceptedOn}</Typography.Text>}
            {found.expectedBy && <Typography.Text>预计办结：<Typography.Text strong>{dueText(found.expectedBy, found.expectedProvisional)}</Typography.Text> 前</Typography.Text>}
            {found.outcome && <Typography.Text>{found.outcome}</Typography.Text>}
            {found.items.length === 0 ? <Typography.Paragraph>受理后，各事项的办理进度会显示在这里。</Typography.Paragraph> : <Items p={found} />}
          </Space>
        </Card>
      )}
    </Space>
  );
}
