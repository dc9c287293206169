/**
 * 待办: for a department, the drafts awaiting its opinion (with the form to give it); for the
 * administrator, the drafts to approve, to publish or sent back, and the open change requests.
 */
import { Alert, Button, Collapse, Empty, List, Progress, Space, Tag, Typography, message } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useAuth } from '../shared/auth.tsx';
import { LinkButton } from '../shared/LinkButton.tsx';
import { useLoad } from '../shared/useLoad.ts';
import { awaitsMe, fmtTime, get, LoadError, myAsk, Section, StatusTag } from './common.tsx';
import { DraftDiff } from './DiffView.tsx';
import { OpinionForm } from './Opinions.tsx';
import type { ChangeRequestView, DraftView } from './types.ts';
import type { CalendarStatus } from '../../contracts/admin.ts';
import { usePrefs } from '../shared/prefs.tsx';

const agreed = (d: DraftView) => d.review.asked.filter((a) => a.opinion?.opinion === 'agree').length;

function DraftLine({ d, extra }: { d: DraftView; extra?: ReactNode }) {
  const { t } = usePrefs();
  const total = d.review.asked.length;
  return (
    <div style={{ width: '100%' }}>
      <div className="admin-row" style={{ justifyContent: 'space-between' }}>
        <Typography.Title level={4} style={{ fontSize: 16, margin: 0 }}><Link to={`/admin/drafts/${d.id}`}><span lang="zh-CN">{d.title}</span></Link></Typography.Title>
        <StatusTag status={d.status} />
      </div>
      <Typography.Paragraph style={{ margin: '4px 0' }}>{t('admReason2')}<span lang="zh-CN">{d.reason}</span></Typography.Paragraph>
      <Typography.Text type="secondary"><span lang="zh-CN">{d.createdBy.name}</span> {t('admDrafted')} {d.submittedAt ? t('admSubmitted', { p0: fmtTime(d.submittedAt) }) : t('admCreated', { p0: fmtTime(d.createdAt) })}{d.department ? t('admLead3', { name: d.department.name }) : ''}</Typography.Text>
      {d.status === 'in-review' && total > 0 && (
        <div style={{ maxWidth: 420 }}>
          <Progress percent={Math.round((agreed(d) / total) * 100)} size="small" format={() => t('admAgreed', { p0: agreed(d), total })} aria-label={t('admOfDepartmentsAgreed', { total, p1: agreed(d) })} />
          <div>{d.review.asked.map((a) => <Tag key={a.department.code} color={a.opinion === null ? 'default' : a.opinion.opinion === 'agree' ? 'green' : 'red'}><span lang="zh-CN">{a.department.name}</span>{t('admSep9')}{a.opinion === null ? t('admNoOpinionYet') : a.opinion.opinion === 'agree' ? t('admAgree') : t('admDisagree')}</Tag>)}</div>
        </div>
      )}
      {extra}
    </div>
  );
}

export function Todo() {
  const { t } = usePrefs();
  const { account } = useAuth();
  const admin = account?.role === 'admin';
  const drafts = useLoad(() => get<{ drafts: DraftView[] }>('/api/admin/drafts'), []);
  const requests = useLoad(() => (admin ? get<{ changeRequests: ChangeRequestView[] }>('/api/admin/change-requests?status=open') : Promise.resolve({ changeRequests: [] })), [admin]);
  const calendar = useLoad(() => (admin ? get<CalendarStatus>('/api/admin/calendar') : Promise.resolve(null)), [admin]);
  const [msg, holder] = message.useMessage();
  const all = drafts.data?.drafts ?? [];
  const calendarAlert = calendar.data?.warning ? <Alert type="warning" showIcon title={t('admTheHolidayCalendarNeeds')} description={<span lang="zh-CN">{calendar.data.warning}</span>} /> : null;

  if (drafts.error) return <LoadError error={drafts.error} retry={drafts.reload} />;

  if (!admin) {
    const mine = all.filter((d) => awaitsMe(account, d));
    const own = account?.role === 'lead' ? all.filter((d) => d.department?.code === account.department && (d.status === 'draft' || d.status === 'revision')) : [];
    return (
      <div className="admin-stack">
        {holder}
        <Section title={t('admAwaitingYourDepartmentS', { n: mine.length })} level={3} extra={<Button onClick={drafts.reload} loading={drafts.loading}>{t('admRefresh')}</Button>}>
          <Typography.Paragraph type="secondary">{t('admWhenACatalogueChange')}</Typography.Paragraph>
          <List loading={drafts.loading} dataSource={mine} locale={{ emptyText: <Empty description={t('admNoCatalogueDraftAwaits')} /> }} renderItem={(d) => (
            <List.Item>
              <DraftLine d={d} extra={
                <div style={{ marginTop: 12 }}>
                  <Collapse size="small" style={{ marginBottom: 12 }} items={[{ key: 'diff', label: t('admShowTheChange'), children: <DraftDiff draftId={d.id} /> }]} />
                  <Space wrap style={{ marginBottom: 12 }}>
                    <LinkButton to={`/admin/drafts/${d.id}?tab=diff`}>{t('admOpenTheDraft')}</LinkButton>
                    <LinkButton to={`/admin/drafts/${d.id}?tab=preview`}>{t('admPreviewThePlan')}</LinkButton>
                  </Space>
                  <OpinionForm draft={d} department={myAsk(account, d)?.department.name ?? t('admYourDepartment')} onDone={(_, text) => { msg.success(text); drafts.reload(); }} />
                </div>
              } />
            </List.Item>
          )} />
        </Section>
        {account?.role === 'lead' && (
          <Section title={t('admDraftsYourDepartmentIs', { n: own.length })}>
            <List dataSource={own} locale={{ emptyText: <Empty description={<>{t('admNoDraftBeingWritten')} <Link to="/admin/drafts">{t('admCatalogueDrafts')}</Link> {t('admYouCanStartA')}</>} /> }}
              renderItem={(d) => <List.Item><DraftLine d={d} /></List.Item>} />
          </Section>
        )}
      </div>
    );
  }

  const ready = all.filter((d) => d.status === 'in-review' && d.review.asked.length > 0 && agreed(d) === d.review.asked.length);
  const waiting = all.filter((d) => d.status === 'in-review' && !ready.includes(d));
  const toPublish = all.filter((d) => d.status === 'approved');
  const back = all.filter((d) => d.status === 'revision');
  const drafting = all.filter((d) => d.status === 'draft');
  const open = requests.data?.changeRequests ?? [];
  const groups: { key: string; title: string; rows: DraftView[]; action?: (d: DraftView) => ReactNode }[] = [
    { key: 'ready', title: t('admToApprove'), rows: ready, action: (d) => <LinkButton key="a" to={`/admin/drafts/${d.id}`} type="primary" aria-label={t('admApprove', { title: d.title })}>{t('admApprove2')}</LinkButton> },
    { key: 'publish', title: t('admToPublish'), rows: toPublish, action: (d) => <LinkButton key="p" to={`/admin/drafts/${d.id}`} type="primary" aria-label={t('admPublish', { title: d.title })}>{t('admPublish2')}</LinkButton> },
    { key: 'waiting', title: t('admInConsultation'), rows: waiting },
    { key: 'back', title: t('admSentBackForChanges'), rows: back, action: (d) => <LinkButton key="e" to={`/admin/drafts/${d.id}`} aria-label={t('admRevise', { title: d.title })}>{t('admRevise2')}</LinkButton> },
    { key: 'drafting', title: t('admDrafting'), rows: drafting, action: (d) => <LinkButton key="c" to={`/admin/drafts/${d.id}`} aria-label={t('admContinueDrafting', { title: d.title })}>{t('admContinueDrafting2')}</LinkButton> },
  ];
  const nothing = !drafts.loading && groups.every((g) => g.rows.length === 0) && open.length === 0;
  return (
    <div className="admin-stack">
      {holder}
      {calendarAlert}
      <div className="admin-row" style={{ justifyContent: 'space-between' }}>
        <Typography.Text type="secondary">{t('admCatalogueChangeDraftConsult')}</Typography.Text>
        <Space wrap>
          <LinkButton to="/admin/drafts?new=1" type="primary">{t('admNewDraft')}</LinkButton>
          <Button onClick={() => { drafts.reload(); requests.reload(); }} loading={drafts.loading}>{t('admRefresh')}</Button>
        </Space>
      </div>
      <ul className="todo-counts" aria-label={t('admToDoCounts')}>
        {groups.map((g) => <li key={g.key}><span className="n">{g.rows.length}</span><span lang="zh-CN">{g.title}</span></li>)}
        <li><span className="n">{open.length}</span>{t('admChangeRequestsToHandle')}</li>
      </ul>
      {nothing && <Empty description={t('admNothingToDoTo')} />}
      {groups.filter((g) => g.rows.length > 0).map((g) => (
        <Section key={g.key} title={t('admSep31', { title: g.title, n: g.rows.length })}>
          <List dataSource={g.rows} renderItem={(d) => <List.Item actions={g.action ? [g.action(d)] : []}><DraftLine d={d} /></List.Item>} />
        </Section>
      ))}
      {requests.error && <Alert type="error" title={requests.error.message} />}
      {open.length > 0 && (
        <Section title={t('admChangeRequestsToHandle2', { n: open.length })}>
          <List dataSource={open} renderItem={(r) => (
            <List.Item actions={[<LinkButton key="o" to="/admin/change-requests" aria-label={t('admHandleTheChangeRequest', { name: r.matter.name })}>{t('admHandle')}</LinkButton>]}>
              <List.Item.Meta title={r.matter.name} description={<><span lang="zh-CN">{r.reason}</span><br /><span lang="zh-CN">{r.requestedBy.name}</span> · {fmtTime(r.requestedAt)}</>} />
            </List.Item>
          )} />
        </Section>
      )}
    </div>
  );
}
