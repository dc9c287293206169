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
import { plainDay } from '../../shared/dates.ts';
import { Zh } from '../../shared/fillNodes.tsx';
import { Folded, MoreGroup, MoreToggle } from '../elder/More.tsx';
import { usePrefs } from '../../shared/prefs.tsx';

type ItemResults = CaseView['results'][number];

function ItemDocuments({ r, view }: { r: ItemResults; view: CaseView }) {
  const { t, lang } = usePrefs();
  const p = view.progress.find((x) => x.item === r.item);
  const approved = r.decision === 'approved';
  return (
    <li style={{ listStyle: 'none', borderBottom: '1px solid #f0f0f0', paddingBlock: 10 }}>
      <Typography.Text strong lang="zh-CN">{r.name}</Typography.Text>{' '}
      <Tag color={approved ? 'success' : 'error'}>{approved ? t('rs_approved') : t('rs_refused')}</Tag>
      {p?.decidedOn && <Folded as="span"><Typography.Text style={MUTED}>{t('rs_decided', { day: plainDay(p.decidedOn, lang) })}</Typography.Text></Folded>}
      {approved && p?.result && (
        <Typography.Paragraph style={{ margin: '4px 0 0' }}>
          <Zh>{p.result.name}</Zh>{p.result.ref ? <Folded as="span">{t('rs_ref', { ref: p.result.ref })}</Folded> : ''}
          {p.result.license && <>{t('prog_inWallet')}<Link to="/wallet">{t('prog_myWallet')}</Link></>}
        </Typography.Paragraph>
      )}
      <Space wrap size={[16, 4]} style={{ display: 'flex', marginTop: 4 }}>
        {r.documents.map((d) => (
          <a key={d.kind} href={d.url} target="_blank" rel="noopener noreferrer" aria-label={lang === 'zh' ? `${r.name}：${d.title}（PDF，新窗口打开）` : undefined}>
            {lang === 'zh' ? `${d.title}（PDF）` : <><Zh>{d.title}</Zh>{t('rs_pdf')}<span className="visually-hidden">{t('case_pdfNewWindow')}</span></>}
          </a>
        ))}
      </Space>
    </li>
  );
}

export function CaseResults({ view }: { view: CaseView }) {
  const { t } = usePrefs();
  const outcome = view.outcome;
  if (!outcome && view.results.length === 0) return null;
  // In the plan's order, as the progress above lists the items.
  const order = new Map((view.plan?.items ?? []).map((i, n) => [i.id, n]));
  const results = [...view.results].sort((a, b) => (order.get(a.item) ?? 99) - (order.get(b.item) ?? 99));
  const troubled = (outcome?.refused ?? 0) + (outcome?.stopped ?? 0) > 0;
  // A completed case says its outcome at the top of the page already; here only what comes next.
  const showSummary = outcome && (view.status !== 'completed' || outcome.nextSteps.length > 0);
  return (
    <MoreGroup>
    <Card title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t('rs_title')}</h3>}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {outcome && showSummary && (
          <Alert type={troubled ? 'warning' : outcome.open > 0 ? 'info' : 'success'} showIcon title={view.status === 'completed' ? t('rs_notDone') : <Zh>{outcome.summary}</Zh>}
            description={outcome.nextSteps.length > 0 && (
              <>
                <Typography.Paragraph style={{ margin: '4px 0' }}>{t('rs_next')}</Typography.Paragraph>
                <ul style={{ margin: 0, paddingInlineStart: '1.2em' }} lang="zh-CN">
                  {outcome.nextSteps.map((s) => <li key={s.item}>{s.text}</li>)}
                </ul>
                <LinkButton to={`/matters/${view.matter.id}/apply`} size="small" style={{ marginTop: 8 }}>{t('rs_again')}</LinkButton>
              </>
            )} />
        )}
        {results.length > 0 && (
          <section aria-label={t('rs_docs')}>
            {/* 长辈模式: each item's result and its documents; the dates, numbers and the note on seals folded. */}
            <MoreToggle />
            <Folded><Typography.Paragraph style={{ ...MUTED, margin: 0 }}>{t('rs_sealed')}</Typography.Paragraph></Folded>
            <ul style={{ padding: 0, margin: 0 }}>
              {results.map((r) => <ItemDocuments key={r.item} r={r} view={view} />)}
            </ul>
          </section>
        )}
      </Space>
    </Card>
    </MoreGroup>
  );
}
