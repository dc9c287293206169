/** Where each item of a submitted case stands: waiting, sent to its department, in review, decided. */
import { Card, Space, Steps, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { CaseView, ProgressItem, TaskStatus } from './types.ts';
import { MUTED } from '../../shared/form/muted.ts';
import { dueDay, plainDay } from '../../shared/dates.ts';
import { Zh } from '../../shared/fillNodes.tsx';
import { usePrefs } from '../../shared/prefs.tsx';
import { Folded, MoreGroup, MoreToggle } from '../elder/More.tsx';
import { word, wordMap } from '../../shared/words.ts';

type StepStatus = 'wait' | 'process' | 'finish' | 'error';

const TAG_COLOR: Record<TaskStatus, string> = {
  waiting: 'default', dispatched: 'processing', claimed: 'processing', supplement: 'warning', approved: 'success', refused: 'error', stopped: 'default',
};

/** The applicant's words for a task's status. */
export const TASK_TEXT: Record<TaskStatus, string> = wordMap(['waiting', 'dispatched', 'claimed', 'supplement', 'approved', 'refused', 'stopped'], 'task_');

function steps(p: ProgressItem): { current: number; status: StepStatus; items: { title: string }[] } {
  const last = word(p.status === 'refused' ? 'prog_refused' : p.status === 'stopped' ? 'prog_stop' : 'prog_done');
  const items = [{ title: word('prog_wait') }, { title: word('prog_sent') }, { title: word(p.status === 'supplement' ? 'prog_correct' : 'prog_doing') }, { title: last }];
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
  const { t, lang } = usePrefs();
  const s = steps(p);
  const names = new Map(view.materials.map((m) => [m.id, m.name]));
  const limit = promised === undefined ? '' : promised === 0 ? t('prog_sameDay') : t('prog_promised', { n: promised });
  const on = (d: string) => plainDay(d, lang);
  return (
    <li style={{ listStyle: 'none', borderBottom: '1px solid #f0f0f0', paddingBlock: 12 }}>
      <Typography.Title level={4} style={{ fontSize: '1.05em', margin: 0 }}>
        <Zh>{p.name}</Zh> <Tag color={p.awaiting === 'payment' ? 'warning' : TAG_COLOR[p.status]}>{p.awaiting === 'payment' ? t('task_awaitingPayment') : TASK_TEXT[p.status]}</Tag>
      </Typography.Title>
      {/* 长辈模式 (the card's 更多说明): the item, its status and what happened; the department and the steps folded. */}
      <Folded>
        <Typography.Text style={MUTED} lang="zh-CN">{p.department.name}</Typography.Text>
        <Steps type="dot" size="small" responsive={false} titlePlacement="vertical" current={s.current} status={s.status} items={s.items}
          style={{ marginBlock: 12 }} aria-hidden="true" />
      </Folded>
      <ul style={{ margin: 0, paddingInlineStart: '1.3em' }}>
        {p.status === 'waiting' && <li>{t(p.awaiting === 'payment' ? 'prog_paymentLine' : 'prog_waitingLine')}{limit && `${lang === 'zh' ? '，' : ', '}${limit}`}</li>}
        {p.dispatchedOn && <Folded as="li">{t('prog_dispatched', { day: on(p.dispatchedOn) })}<Zh>{p.department.name}</Zh></Folded>}
        {p.dueDate && !p.decidedOn && p.status !== 'stopped' && <li>{limit}{lang === 'zh' ? '，' : ', '}{t('prog_due')}<Typography.Text strong>{dueDay(p.dueDate, p.dueProvisional, lang, t('dueProvisional'))}</Typography.Text>{t('prog_dueEnd')}{p.status === 'supplement' ? t('prog_paused') : ''}{p.dueProvisional && <Folded as="span">{t('prog_provisional')}</Folded>}</li>}
        {p.supplement && <li>{t('prog_supplement', { day: on(p.supplement.requestedOn) })}<Zh>{p.supplement.note}（{p.supplement.materials.map((m) => `「${names.get(m) ?? m}」`).join('')}）</Zh></li>}
        {p.decidedOn && p.status === 'approved' && (
          <li>
            {t('prog_approved', { day: on(p.decidedOn) })}{p.result ? <>{t('colon')}<Zh>{p.result.name}</Zh></> : ''}{p.result?.ref ? <Folded as="span">{t('prog_ref', { ref: p.result.ref })}</Folded> : ''}
            {p.result?.license && <>{t('prog_inWallet')}<Link to="/wallet">{t('prog_myWallet')}</Link></>}
          </li>
        )}
        {p.status === 'refused' && <li>{t('prog_refusedLine', { day: on(p.decidedOn ?? '') })}{(p.reasons ?? []).length > 0 ? <Zh>{(p.reasons ?? []).join('；')}</Zh> : t('prog_seeDocument')}</li>}
        {p.status === 'stopped' && <li>{t('prog_stopped')}<Zh>{p.stopReason ?? ''}</Zh></li>}
      </ul>
      <span style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>{t('prog_sr')}{s.items.slice(0, s.current + 1).map((i) => i.title).join(lang === 'zh' ? '，' : ', ')}</span>
    </li>
  );
}

export function Progress({ view }: { view: CaseView }) {
  const promised = new Map((view.plan?.items ?? []).map((i) => [i.id, i.timeLimit.promised]));
  // In the plan's order: the stages as the applicant saw them before submitting.
  const order = new Map((view.plan?.items ?? []).map((i, n) => [i.id, n]));
  const progress = [...view.progress].sort((a, b) => (order.get(a.item) ?? 99) - (order.get(b.item) ?? 99));
  const { t } = usePrefs();
  const done = view.progress.filter((p) => p.status === 'approved').length;
  return (
    <MoreGroup>
    <Card title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t('prog_title')}</h3>}>
      {view.progress.length === 0
        ? <Typography.Paragraph style={{ margin: 0 }}>{t('prog_none')}</Typography.Paragraph>
        : (
          <Space orientation="vertical" style={{ width: '100%' }} size={0}>
            <Typography.Text>{t('prog_count', { n: view.progress.length, done })}</Typography.Text>
            <MoreToggle />
            <ol style={{ padding: 0, margin: 0, position: 'relative' }}>
              {progress.map((p) => <ItemProgress key={p.item} p={p} promised={promised.get(p.item)} view={view} />)}
            </ol>
          </Space>
        )}
    </Card>
    </MoreGroup>
  );
}
