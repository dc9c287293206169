/** 到窗口办理: the personalised material list to print or download, with where and when to go. */
import { Alert, Button, Card, Space, Tag, Typography } from 'antd';
import { MATERIAL_FORM_TEXT, MATERIAL_MEDIUM_TEXT } from '../../../core/planning/labels.ts';
import { failure, request } from '../../shared/api.ts';
import { days } from '../../shared/planLabels.ts';
import { useAction } from '../../shared/useAction.ts';
import type { Plan } from '../../../core/planning/types.ts';
import { chineseDay, shanghaiToday } from '../../../shared/time/shanghai.ts';
import type { Answers } from './usePlanner.ts';
import type { GuideInfo } from './labels.ts';
import { ExemptLine } from './PlanMaterials.tsx';
import { useFocusOnMount } from './useFocusOnMount.ts';

export interface ChecklistProps {
  plan: Plan;
  guide: GuideInfo | null;
  answers: Answers;
  chosenItems: string[] | undefined;
  onBack(): void;
  onOnline(): void;
}

async function downloadPdf(matterId: string, name: string, body: unknown): Promise<void> {
  const res = await request(`/api/public/matters/${encodeURIComponent(matterId)}/checklist.pdf`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  if (!res.ok) throw failure(res.status, await res.json().catch(() => null), `下载失败（${res.status}）`);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = `${name}个性化材料清单.pdf`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function OfflineChecklist({ plan, guide, answers, chosenItems, onBack, onOnline }: ChecklistProps) {
  const { busy, error, run } = useAction();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const required = plan.materials.filter((m) => m.status === 'required');
  const exempt = plan.materials.filter((m) => m.status === 'exempt');
  const windows = (guide?.windows ?? []).flatMap((w) => (w.window ? [w.window] : []));
  const download = () => run(() => downloadPdf(plan.matter.id, plan.matter.name, { answers, ...(chosenItems ? { chosenItems } : {}) }));
  const list = { listStyle: 'none', margin: 0, padding: 0 } as const;
  return (
    <article aria-labelledby="checklist-title" className="apply-checklist">
      <Typography.Title level={2} id="checklist-title" ref={heading} tabIndex={-1}>「{plan.matter.name}」个性化材料清单</Typography.Title>
      <Space wrap className="apply-no-print" style={{ marginBottom: 16 }}>
        <Button type="primary" size="large" onClick={() => window.print()}>打印</Button>
        <Button size="large" loading={busy} onClick={download}>下载 PDF</Button>
        <Button size="large" onClick={onBack}>返回修改回答</Button>
        <Button size="large" type="link" onClick={onOnline}>改为网上办理</Button>
      </Space>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Typography.Paragraph style={{ marginBottom: 4 }}>办理情形：<strong>{plan.situation?.name}</strong></Typography.Paragraph>
        {plan.situation?.description && <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>{plan.situation.description}</Typography.Paragraph>}
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          一次办理 {plan.items.length} 个事项：{plan.items.map((i) => i.name).join('、')}。承诺 <strong>{days(plan.timeLimit.workingDays)}</strong>办结。
        </Typography.Paragraph>
      </Card>

      <section aria-labelledby="bring-title">
        <Typography.Title level={3} id="bring-title">请带上这些材料（{required.length} 项）</Typography.Title>
        {required.length === 0 ? <Typography.Paragraph>按您的回答，不需要提交材料，带上本人有效身份证件即可。</Typography.Paragraph> : (
          <ol className="apply-bring">
            {required.map((m) => (
              <li key={m.id}>
                <Typography.Text strong>{m.name}</Typography.Text> {m.deferrable && <Tag color="orange">可容缺后补</Tag>}
                <div>{m.copies} 份 · {MATERIAL_FORM_TEXT[m.form]} · {MATERIAL_MEDIUM_TEXT[m.medium]}</div>
                {m.alternatives.map((a) => <div key={a.evidence}><Typography.Text type="secondary">已领取{a.evidence}的，可出示电子证照代替</Typography.Text></div>)}
                {m.review.formal.length > 0 && (
                  <>
                    <Typography.Text type="secondary">窗口会核对：</Typography.Text>
                    <ul>{m.review.formal.map((r) => <li key={r}>{r}</li>)}</ul>
                  </>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>

      {exempt.length > 0 && (
        <section aria-labelledby="spared-title">
          <Typography.Title level={3} id="spared-title">不用带的材料（{exempt.length} 项）</Typography.Title>
          <Typography.Paragraph type="secondary">窗口通过电子证照、数据共享或前一个事项的办理结果核验，您不需要提交：</Typography.Paragraph>
          <ul style={list}>{exempt.map((m) => <ExemptLine key={m.id} m={m} />)}</ul>
        </section>
      )}

      <section aria-labelledby="where-title">
        <Typography.Title level={3} id="where-title">到哪里办</Typography.Title>
        {windows.length === 0 && <Typography.Paragraph>请拨打 12345 咨询办理地点。</Typography.Paragraph>}
        {windows.map((w) => (
          <dl key={w.name} className="apply-window">
            <dt>窗口</dt><dd>{w.name}</dd>
            <dt>地址</dt><dd>{w.address}</dd>
            <dt>电话</dt><dd><a href={`tel:${w.phone}`}>{w.phone}</a></dd>
            <dt>办公时间</dt><dd>{w.hours}</dd>
          </dl>
        ))}
        {guide && guide.contacts.length > 0 && <Typography.Paragraph>咨询电话：{guide.contacts.map((c) => `${c.name} ${c.phone}`).join('；')}</Typography.Paragraph>}
        {guide?.timeLimit.note && <Typography.Paragraph type="secondary">{guide.timeLimit.note}</Typography.Paragraph>}
      </section>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
        本清单根据您的回答生成（{chineseDay(shanghaiToday())}），材料以窗口受理时的审查为准。
      </Typography.Paragraph>
    </article>
  );
}
