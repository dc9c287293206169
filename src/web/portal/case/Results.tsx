/**
 * What a case came to, for its applicant: the outcome in one sentence (已办结：8 项办成，1 项不予办理),
 * the next step for each item not done (a refusal's reasons and the 复议/诉讼 route, or applying
 * again), and each decided item's result documents as sealed PDFs.
 */
import { Alert, Card, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { LinkButton } from '../../shared/LinkButton.tsx';
import { MUTED } from '../../shared/form/muted.ts';
import type { CaseView } from './types.ts';

type ItemResults = CaseView['results'][number];

function ItemDocuments({ r, view }: { r: ItemResults; view: CaseView }) {
  const p = view.progress.find((x) => x.item === r.item);
  const approved = r.decision === 'approved';
  return (
    <li style={{ listStyle: 'none', borderBottom: '1px solid #f0f0f0', paddingBlock: 10 }}>
      <Typography.Text strong>{r.name}</Typography.Text>{' '}
      <Tag color={approved ? 'success' : 'error'}>{approved ? '准予办理' : '不予办理'}</Tag>
      {p?.decidedOn && <Typography.Text style={MUTED}>{p.decidedOn} 作出决定</Typography.Text>}
      {approved && p?.result && (
        <Typography.Paragraph style={{ margin: '4px 0 0' }}>
          {p.result.name}{p.result.ref ? `（编号 ${p.result.ref}）` : ''}
          {p.result.license && <>，电子证照已放入<Link to="/wallet">我的卡包</Link></>}
        </Typography.Paragraph>
      )}
      <Space wrap size={[16, 4]} style={{ display: 'flex', marginTop: 4 }}>
        {r.documents.map((d) => (
          <a key={d.kind} href={d.url} target="_blank" rel="noopener noreferrer" aria-label={`${r.name}：${d.title}（PDF，新窗口打开）`}>
            {d.title}（PDF）
          </a>
        ))}
      </Space>
    </li>
  );
}

export function CaseResults({ view }: { view: CaseView }) {
  const outcome = view.outcome;
  if (!outcome && view.results.length === 0) return null;
  // In the plan's order, as the progress above lists the items.
  const order = new Map((view.plan?.items ?? []).map((i, n) => [i.id, n]));
  const results = [...view.results].sort((a, b) => (order.get(a.item) ?? 99) - (order.get(b.item) ?? 99));
  const troubled = (outcome?.refused ?? 0) + (outcome?.stopped ?? 0) > 0;
  // A completed case says its outcome at the top of the page already; here only what comes next.
  const showSummary = outcome && (view.status !== 'completed' || outcome.nextSteps.length > 0);
  return (
    <Card title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>办理结果</h3>}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {outcome && showSummary && (
          <Alert type={troubled ? 'warning' : outcome.open > 0 ? 'info' : 'success'} showIcon title={view.status === 'completed' ? '未办成的事项，下一步可以这样办' : outcome.summary}
            description={outcome.nextSteps.length > 0 && (
              <>
                <Typography.Paragraph style={{ margin: '4px 0' }}>下一步：</Typography.Paragraph>
                <ul style={{ margin: 0, paddingInlineStart: '1.2em' }}>
                  {outcome.nextSteps.map((s) => <li key={s.item}>{s.text}</li>)}
                </ul>
                <LinkButton to={`/matters/${view.matter.id}/apply`} size="small" style={{ marginTop: 8 }}>符合条件后重新申请</LinkButton>
              </>
            )} />
        )}
        {results.length > 0 && (
          <section aria-label="各事项的结果文书">
            <Typography.Paragraph style={{ ...MUTED, margin: 0 }}>决定书和证照打印件均加盖部门电子印章，可在线查看、下载和打印。</Typography.Paragraph>
            <ul style={{ padding: 0, margin: 0 }}>
              {results.map((r) => <ItemDocuments key={r.item} r={r} view={view} />)}
            </ul>
          </section>
        )}
      </Space>
    </Card>
  );
}
