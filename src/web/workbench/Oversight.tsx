/**
 * 牵头督办: the lead department's cases across every item, the joint reviews held, and urging the
 * department of an open task with a deadline; the urged department's list to answer.
 */
import { Alert, Button, Collapse, Empty, Input, List, Select, Space, Table, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import type { OverseenCase, OverseenCaseDetail, Urge } from '../../contracts/index.ts';
import { get, post } from '../shared/api.ts';
import { ScrollRegion } from '../shared/ScrollRegion.tsx';
import { useAction } from '../shared/useAction.ts';
import { useLoad } from '../shared/useLoad.ts';
import { fmtTime, LoadError, named, Section, TASK_STATUS, today } from '../window/ui.tsx';
import { usePrefs } from '../shared/prefs.tsx';
import { fillNodes, Zh } from '../shared/fillNodes.tsx';

function UrgeForm({ c, onDone }: { c: OverseenCase; onDone(): void }) {
  const { t } = usePrefs();
  const open = c.items.filter((i) => i.open);
  const [item, setItem] = useState<string | undefined>(open[0]?.item);
  const [deadline, setDeadline] = useState<string>('');
  const [note, setNote] = useState('');
  const { busy, error, setError, run } = useAction();
  if (open.length === 0) return null;
  const id = `urge-${c.id}`;
  const send = async () => {
    if (!item || !deadline) return setError(t('wbChooseTheItemsAnd'));
    if (note.trim().length < 5) return setError(t('wbTheOversightReasonNeeds'));
    if (await run(() => post(`/api/lead/cases/${c.id}/urges`, { item, deadline, note: note.trim() }))) { setNote(''); onDone(); }
  };
  return (
    <fieldset style={{ border: '1px solid #f0f0f0', padding: 12, marginTop: 12 }}>
      <legend style={{ fontSize: 'inherit', padding: '0 4px' }}>{t('wbOversee')}</legend>
      <Space wrap align="center">
        <label htmlFor={`${id}-item`}>{t('wbItems')}</label>
        <Select id={`${id}-item`} value={item} onChange={setItem} style={{ minWidth: 260 }} options={open.map((i) => ({ value: i.item, label: fillNodes(t('wbSep3'), { name: <Zh>{i.name}</Zh>, departmentName: <Zh>{i.departmentName}</Zh> }) }))} />
        <label htmlFor={`${id}-deadline`}>{t('wbDueDate')}</label>
        <Input id={`${id}-deadline`} type="date" min={today()} value={deadline} onChange={(e) => setDeadline(e.target.value)} style={{ width: 180 }} />
      </Space>
      <label htmlFor={`${id}-note`} style={{ display: 'block', margin: '8px 0 4px' }}>{t('wbReasonAndRequirements')}</label>
      <Input.TextArea id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} autoSize={{ minRows: 2 }} />
      {error && <Typography.Text type="danger" role="alert">{error}</Typography.Text>}
      <div style={{ marginTop: 8 }}><Button type="primary" loading={busy} onClick={() => void send()}>{t('wbSendOversight')}</Button></div>
    </fieldset>
  );
}

function CaseDetail({ id }: { id: string }) {
  const { t } = usePrefs();
  const d = useLoad(() => get<OverseenCaseDetail>(`/api/lead/cases/${id}`), [id]);
  const [msg, holder] = message.useMessage();
  if (d.error) return <LoadError error={d.error} retry={d.reload} />;
  if (!d.data) return null;
  const { case: c, jointReviews, urges } = d.data;
  return (
    <div>
      {holder}
      <ScrollRegion label={t('wbItemsOf', { number: c.number })}>
        <Table rowKey="item" size="small" pagination={false} dataSource={c.items} columns={[
          { title: t('wbItems'), dataIndex: 'name', render: (v: string) => <span lang="zh-CN">{v}</span> },
          { title: t('wbDepartment'), dataIndex: 'departmentName', render: (v: string) => <span lang="zh-CN">{v}</span> },
          // The status by its code: the server's statusName is Chinese.
          { title: t('wbStatus'), dataIndex: 'status', render: (code: string, r) => { const s = named(t, TASK_STATUS, code); return <Tag color={r.overdue ? 'red' : r.open ? 'blue' : 'default'}>{r.overdue ? t('wbOverdue', { s }) : s}</Tag>; } },
          { title: t('wbDue'), dataIndex: 'dueDate', render: (v: string | null) => v ?? '—' },
        ]} />
      </ScrollRegion>
      <Typography.Title level={5} style={{ marginTop: 12 }}>{t('wbJointReviewRecords')}</Typography.Title>
      {jointReviews.length === 0 ? <Typography.Text type="secondary">{t('wbNone')}</Typography.Text> : (
        <ul>{jointReviews.map((j) => <li key={`${j.recordedAt}-${j.kind}`}>{j.heldOn} {j.kindName}{t('wbSep')}{j.itemNames.join(t('wbSep4'))}{t('wbSep5')}{j.outcome}{t('wbSep')}{j.organiserName} {j.recordedByName} {t('wbRecordS')}</li>)}</ul>
      )}
      <Typography.Title level={5}>{t('wbOversightRecords')}</Typography.Title>
      {urges.length === 0 ? <Typography.Text type="secondary">{t('wbNone')}</Typography.Text> : (
        <ul>{urges.map((u) => (
          <li key={u.id}>{fmtTime(u.urgedAt)} {t('wbOversightOf')}<span lang="zh-CN">{u.itemName}</span>{t('wbSep6')}<span lang="zh-CN">{u.departmentName}</span>{t('wbDue2')} {u.deadline}{t('wbSep5')}<span lang="zh-CN">{u.note}</span>
            {u.answer ? <div>{t('wbAnswer')}{fmtTime(u.answeredAt)}{t('wbSep7')}<span lang="zh-CN">{u.answeredByName}</span>{t('wbSep5')}<span lang="zh-CN">{u.answer}</span></div> : <Tag color={u.overdue ? 'red' : 'gold'} style={{ marginInlineStart: 8 }}>{u.overdue ? t('wbOverdueNoAnswer') : t('wbAwaitingAnswer')}</Tag>}
          </li>
        ))}</ul>
      )}
      <UrgeForm c={c} onDone={() => { msg.success(t('wbOversightSent')); d.reload(); }} />
    </div>
  );
}

/** The lead's tab: its cases in progress, the most urgent first. */
export function Oversight() {
  const { t } = usePrefs();
  const list = useLoad(() => get<{ cases: OverseenCase[] }>('/api/lead/cases'), []);
  const rows = list.data?.cases ?? [];
  return (
    <Section title={t('wbLeadOversight', { n: rows.length })} extra={<Button onClick={list.reload} loading={list.loading}>{t('wbRefresh')}</Button>}>
      {list.error && <LoadError error={list.error} retry={list.reload} />}
      {rows.length === 0 && !list.loading ? <Empty description={t('wbNoOpenCasesFor')} /> : (
        <Collapse items={rows.map((c) => ({
          key: c.id,
          label: <span>{c.number} · <span lang="zh-CN">{c.matterName}</span> {c.overdue > 0 && <Tag color="red">{c.overdue} {t('wbOverdueItemS')}</Tag>}{c.openUrges > 0 && <Tag color="gold">{c.openUrges} {t('wbOversightAnswerSAwaited')}</Tag>}</span>,
          children: <CaseDetail id={c.id} />,
        }))} />
      )}
    </Section>
  );
}

function Answer({ u, onDone }: { u: Urge; onDone(): void }) {
  const { t } = usePrefs();
  const [text, setText] = useState('');
  const { busy, error, setError, run } = useAction();
  const id = `urge-answer-${u.id}`;
  return (
    <List.Item>
      <div style={{ width: '100%' }}>
        <Typography.Text strong>{u.caseNumber}{t('wbSep8')}<span lang="zh-CN">{u.itemName}</span>{t('wbSep9')}</Typography.Text> <Tag color={u.overdue ? 'red' : 'gold'}>{u.overdue ? t('wbPastTheOversightDue') : t('wbDue3', { deadline: u.deadline })}</Tag>
        <div>{u.urgedByName}{t('wbSep')}{fmtTime(u.urgedAt)}{t('wbSep5')}{u.note}</div>
        <label htmlFor={id} style={{ display: 'block', margin: '8px 0 4px' }}>{t('wbAnswerToOversight')}</label>
        <Input.TextArea id={id} value={text} onChange={(e) => setText(e.target.value)} maxLength={1000} autoSize={{ minRows: 2 }} />
        {error && <Typography.Text type="danger" role="alert">{error}</Typography.Text>}
        <div style={{ marginTop: 8 }}>
          <Button loading={busy} onClick={async () => {
            if (text.trim().length < 5) return setError(t('wbTheAnswerNeedsAt'));
            if (await run(() => post(`/api/department/urges/${u.id}/answer`, { answer: text.trim() }))) onDone();
          }}>{t('wbSubmitTheAnswer')}</Button>
        </div>
      </div>
    </List.Item>
  );
}

/** Urges the department has to answer, above its queue; nothing when there are none. */
export function DepartmentUrges() {
  const { t } = usePrefs();
  const list = useLoad(() => get<{ urges: Urge[] }>('/api/department/urges'), []);
  const rows = list.data?.urges ?? [];
  if (rows.length === 0) return null;
  return (
    <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('wbOversightByTheLead', { n: rows.length })}
      description={<List dataSource={rows} renderItem={(u) => <Answer key={u.id} u={u} onDone={list.reload} />} />} />
  );
}
