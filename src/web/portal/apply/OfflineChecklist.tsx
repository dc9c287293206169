/** 到窗口办理: the personalised material list to print or download, with where and when to go. */
import { Alert, Button, Card, Space, Tag, Typography } from 'antd';
import { failure, request } from '../../shared/api.ts';
import { dayText } from '../../shared/dates.ts';
import { fillNodes, Zh } from '../../shared/fillNodes.tsx';
import { days, formText, mediumText } from '../../shared/planLabels.ts';
import { usePrefs } from '../../shared/prefs.tsx';
import { word } from '../../shared/words.ts';
import { useAction } from '../../shared/useAction.ts';
import type { Plan } from '../../../core/planning/types.ts';
import { shanghaiToday } from '../../../shared/time/shanghai.ts';
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
  if (!res.ok) throw failure(res.status, await res.json().catch(() => null), word('apply_downloadFailed', { status: res.status }));
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = word('apply_pdfName', { name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function OfflineChecklist({ plan, guide, answers, chosenItems, onBack, onOnline }: ChecklistProps) {
  const { t, lang } = usePrefs();
  const { busy, error, run } = useAction();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const required = plan.materials.filter((m) => m.status === 'required');
  const exempt = plan.materials.filter((m) => m.status === 'exempt');
  const windows = (guide?.windows ?? []).flatMap((w) => (w.window ? [w.window] : []));
  const download = () => run(() => downloadPdf(plan.matter.id, plan.matter.name, { answers, ...(chosenItems ? { chosenItems } : {}) }));
  const list = { listStyle: 'none', margin: 0, padding: 0 } as const;
  return (
    <article aria-labelledby="checklist-title" className="apply-checklist">
      <Typography.Title level={2} id="checklist-title" ref={heading} tabIndex={-1}>{fillNodes(t('apply_checklistTitle'), { name: <Zh>{plan.matter.name}</Zh> })}</Typography.Title>
      <Space wrap className="apply-no-print" style={{ marginBottom: 16 }}>
        <Button type="primary" size="large" onClick={() => window.print()}>{t('apply_print')}</Button>
        <Button size="large" loading={busy} onClick={download}>{t('apply_downloadPdf')}</Button>
        <Button size="large" onClick={onBack}>{t('apply_backToAnswers')}</Button>
        <Button size="large" type="link" onClick={onOnline}>{t('apply_switchOnline')}</Button>
      </Space>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Typography.Paragraph style={{ marginBottom: 4 }}>{t('apply_situationLine')}<strong lang="zh-CN">{plan.situation?.name}</strong></Typography.Paragraph>
        {plan.situation?.description && <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }} lang="zh-CN">{plan.situation.description}</Typography.Paragraph>}
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          {t('apply_itemsLine', { n: plan.items.length })}<Zh>{plan.items.map((i) => i.name).join('、')}</Zh>{t('apply_promisedLine')}<strong>{days(plan.timeLimit.workingDays)}</strong>{t('apply_promisedEnd')}
        </Typography.Paragraph>
      </Card>

      <section aria-labelledby="bring-title">
        <Typography.Title level={3} id="bring-title">{t('apply_bring', { n: required.length })}</Typography.Title>
        {required.length === 0 ? <Typography.Paragraph>{t('apply_bringNone')}</Typography.Paragraph> : (
          <ol className="apply-bring">
            {required.map((m) => (
              <li key={m.id}>
                <Typography.Text strong lang="zh-CN">{m.name}</Typography.Text> {m.deferrable && <Tag color="orange">{t('apply_deferrable')}</Tag>}
                <div>{t('apply_copies', { n: m.copies })} · {formText(m.form)} · {mediumText(m.medium)}</div>
                {m.alternatives.map((a) => <div key={a.evidence}><Typography.Text type="secondary">{fillNodes(t('apply_alternativeShow'), { evidence: <Zh>{a.evidence}</Zh> })}</Typography.Text></div>)}
                {m.review.formal.length > 0 && (
                  <>
                    <Typography.Text type="secondary">{t('apply_windowChecks')}</Typography.Text>
                    <ul lang="zh-CN">{m.review.formal.map((r) => <li key={r}>{r}</li>)}</ul>
                  </>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>

      {exempt.length > 0 && (
        <section aria-labelledby="spared-title">
          <Typography.Title level={3} id="spared-title">{t('apply_notBring', { n: exempt.length })}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('apply_notBringText')}</Typography.Paragraph>
          <ul style={list}>{exempt.map((m) => <ExemptLine key={m.id} m={m} />)}</ul>
        </section>
      )}

      <section aria-labelledby="where-title">
        <Typography.Title level={3} id="where-title">{t('apply_where')}</Typography.Title>
        {windows.length === 0 && <Typography.Paragraph>{t('apply_whereNone')}</Typography.Paragraph>}
        {windows.map((w) => (
          <dl key={w.name} className="apply-window">
            <dt>{t('apply_w_window')}</dt><dd lang="zh-CN">{w.name}</dd>
            <dt>{t('apply_w_address')}</dt><dd lang="zh-CN">{w.address}</dd>
            <dt>{t('apply_w_phone')}</dt><dd><a href={`tel:${w.phone}`}>{w.phone}</a></dd>
            <dt>{t('apply_w_hours')}</dt><dd lang="zh-CN">{w.hours}</dd>
          </dl>
        ))}
        {guide && guide.contacts.length > 0 && <Typography.Paragraph>{t('apply_phones')}<Zh>{guide.contacts.map((c) => `${c.name} ${c.phone}`).join('；')}</Zh></Typography.Paragraph>}
        {guide?.timeLimit.note && <Typography.Paragraph type="secondary" lang="zh-CN">{guide.timeLimit.note}</Typography.Paragraph>}
      </section>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
        {t('apply_madeOn', { day: dayText(shanghaiToday(), lang) })}
      </Typography.Paragraph>
    </article>
  );
}
