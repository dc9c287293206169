/** My cases, newest first: number, matter, status and how far the items have got; and the latest messages. */
import { Alert, Badge, Button, Card, Empty, Space, Spin, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { TASK_STATUS_LABEL } from '../../core/case/task.ts';
import { get, post } from '../shared/api.ts';
import { LinkButton } from '../shared/LinkButton.tsx';
import { minuteText, plainDay } from '../shared/dates.ts';
import { Zh } from '../shared/fillNodes.tsx';
import { usePrefs } from '../shared/prefs.tsx';
import { word } from '../shared/words.ts';
import { useLoad } from '../shared/useLoad.ts';
import { RequireApplicant } from './case/RequireApplicant.tsx';
import { CASE_STATUS_TEXT, STATUS_COLOR, type CaseListEntry } from './case/types.ts';
import { MUTED } from '../shared/form/muted.ts';
import { usePageTitle } from '../shared/usePageTitle.ts';
import { More } from './elder/More.tsx';
import './elder.css';

interface Notice { id: string; title: string; body: string; caseId: string | null; createdAt: string; read: boolean }

function summary(c: CaseListEntry): ReactNode {
  if (c.status === 'draft') return word('cases_draft');
  // Once something is decided, the case's outcome: 已办结：8 项办成，1 项不予办理.
  if (c.outcome) return <Zh>{c.outcome}</Zh>;
  if (c.progress.length === 0) return c.status === 'submitted' ? word('cases_waiting') : '';
  const done = c.progress.filter((p) => p.statusLabel === '准予办理').length;
  const supplement = c.progress.filter((p) => p.statusLabel === '待补正').length;
  return [word('cases_progress', { n: c.progress.length, done }), supplement > 0 ? word('cases_supplement', { n: supplement }) : ''].filter(Boolean).join(word('clauseSep'));
}

function CaseCard({ c }: { c: CaseListEntry }) {
  const needsAction = c.status === 'draft' || c.progress.some((p) => p.statusLabel === '待补正');
  const refused = c.progress.some((p) => p.statusLabel === TASK_STATUS_LABEL.refused);
  const { t, lang, elder } = usePrefs();
  const reference = [
    <Typography.Text key="number" style={MUTED}>{t('cases_number', { number: c.number })}</Typography.Text>,
    <Typography.Text key="created" style={MUTED}>{t('cases_created', { day: plainDay(c.createdAt, lang) })}</Typography.Text>,
  ];
  return (
    <li style={{ listStyle: 'none' }}>
      <Card size="small" style={needsAction ? { borderColor: '#faad14' } : undefined}>
        <Typography.Title level={3} style={{ fontSize: '1.1em', margin: 0 }}>
          <Link to={`/cases/${c.id}`} lang="zh-CN">{c.matter.name}</Link>
        </Typography.Title>
        <Space wrap size={[8, 4]} style={{ marginTop: 4 }}>
          <Tag color={STATUS_COLOR[c.status]}>{CASE_STATUS_TEXT[c.status]}</Tag>
          {!elder && reference}
        </Space>
        <Typography.Paragraph style={{ margin: '8px 0 0' }}>{summary(c)}</Typography.Paragraph>
        {/* 长辈模式: the number and the date are there to quote, not to act on. */}
        {elder && <More><Space wrap size={[8, 4]}>{reference}</Space></More>}
        {refused && <Typography.Paragraph style={{ margin: '4px 0 0' }}>{t('cases_refused')}<Link to={`/cases/${c.id}`}>{t('cases_refusedLink')}<span className="visually-hidden">{t('colon')}<Zh>{c.matter.name}</Zh></span></Link></Typography.Paragraph>}
        {needsAction && (
          <LinkButton to={`/cases/${c.id}`} type="primary" style={{ marginTop: 8 }}>
            {c.status === 'draft' ? t('cases_continue') : t('cases_correct')}<span className="visually-hidden">{t('colon')}<Zh>{c.matter.name}</Zh></span>
          </LinkButton>
        )}
      </Card>
    </li>
  );
}

function Messages() {
  const { data, reload } = useLoad(() => get<{ unread: number; notifications: Notice[] }>('/api/inbox'), []);
  const { t, lang, elder } = usePrefs();
  const list = (data?.notifications ?? []).slice(0, 5);
  const body = (n: Notice) => <Typography.Paragraph style={{ margin: '2px 0' }} lang="zh-CN">{n.body}</Typography.Paragraph>;
  const time = (n: Notice) => <Typography.Text style={MUTED}>{minuteText(n.createdAt, lang)}</Typography.Text>;
  if (list.length === 0) return null;
  return (
    <Card title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t('cases_messages')}{data && data.unread > 0 && <Badge count={t('cases_unread', { n: data.unread })} style={{ marginInlineStart: 8 }} />}</h3>}>
      <ul style={{ margin: 0, padding: 0, listStyle: 'none' }}>
        {list.map((n) => (
          <li key={n.id} style={{ paddingBlock: 8, borderBottom: '1px solid #f0f0f0' }}>
            <Typography.Text strong={!n.read}>{!n.read && <span aria-label={t('cases_unreadMark')}>● </span>}<Zh>{n.title}</Zh></Typography.Text>
            {/* 长辈模式: the title and the link to the case; the full text and its time behind 更多说明. */}
            {elder ? <More>{body(n)}{time(n)}</More> : body(n)}
            <Space wrap size="small">
              {!elder && time(n)}
              {n.caseId && <Link to={`/cases/${n.caseId}`} onClick={() => { if (!n.read) void post(`/api/inbox/${n.id}/read`).catch(() => undefined); }}>{t('cases_viewCase')}</Link>}
              {!n.read && <Button size="small" type="link" onClick={() => post(`/api/inbox/${n.id}/read`).then(reload, () => undefined)}>{t('cases_markRead')}</Button>}
            </Space>
          </li>
        ))}
      </ul>
    </Card>
  );
}

function CaseList() {
  const { t } = usePrefs();
  const { data, error, loading } = useLoad(() => get<{ cases: CaseListEntry[] }>('/api/cases'), []);
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (loading || !data) return <Spin description={t('loading')} />;
  const cases = [...data.cases].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {cases.length === 0
        ? (
          <Card>
            <Empty description={t('cases_none')}>
              <LinkButton to="/" type="primary" size="large">{t('cases_start')}</LinkButton>
            </Empty>
          </Card>
        )
        : (
          <section aria-labelledby="cases-heading">
            <Typography.Paragraph id="cases-heading">{t('cases_count', { n: cases.length })}</Typography.Paragraph>
            <ul className="case-list" style={{ padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: 12 }}>
              {cases.map((c) => <CaseCard key={c.id} c={c} />)}
            </ul>
          </section>
        )}
      <Messages />
    </Space>
  );
}

export default function MyCases() {
  const { t } = usePrefs();
  usePageTitle(t('myCases'));
  return (
    <RequireApplicant what={t('cases_what')}>
      <Space orientation="vertical" size="small" style={{ width: '100%' }}>
        <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
          <Typography.Title level={1} style={{ margin: 0 }}>{t('myCases')}</Typography.Title>
          <Link to="/">{t('cases_new')}</Link>
        </Space>
        <CaseList />
      </Space>
    </RequireApplicant>
  );
}
