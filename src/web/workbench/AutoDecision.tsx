/** 秒批 in the workbench: what 系统自动审批 found on a task, and the department's switch per item. */
import { Alert, List, Space, Spin, Switch, Tag, Typography } from 'antd';
import type { AutoDecisionSetting, AutoDecisionSettings, TaskAutoDecision } from '../../contracts/auto-decision.ts';
import { get, put } from '../shared/api.ts';
import { useAuth } from '../shared/auth.tsx';
import { useToastAction } from '../shared/useAction.ts';
import { useLoad } from '../shared/useLoad.ts';
import { fmtTime, LoadError, Section } from '../window/ui.tsx';
import { usePrefs } from '../shared/prefs.tsx';

/** The rules' outcome on the task, rule by rule, in sentences; a reviewer sees why it came to them. */
export function AutoDecisionNote({ note }: { note: TaskAutoDecision }) {
  const { t } = usePrefs();
  const approved = note.outcome === 'approved';
  return (
    <Section title={note.actorName}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert type={approved ? 'success' : 'warning'} showIcon title={approved ? t('wbApprovedBy', { actorName: note.actorName }) : t('wbPassedToAPerson')} description={note.summary} />
        {note.evidence.length > 0 && (
          <List size="small" header={<Typography.Text strong>{t('wbVerificationRules')}</Typography.Text>} dataSource={note.evidence} renderItem={(e) => (
            <List.Item>
              <span><Tag color={e.passed ? 'green' : 'red'}>{e.passed ? t('wbPassed') : t('wbFailed')}</Tag>{e.sentence}</span>
            </List.Item>
          )} />
        )}
        <Typography.Text type="secondary">{t('wbBasis')}{note.basis}</Typography.Text>
        <Typography.Text type="secondary">{t('wbCheckedAt')}{fmtTime(note.decidedAt)}</Typography.Text>
      </Space>
    </Section>
  );
}

/** The department's items with 秒批 rules; its manager turns each on or off, every change recorded. */
export function AutoDecisionSwitches() {
  const { t } = usePrefs();
  const { account } = useAuth();
  const list = useLoad(() => get<AutoDecisionSettings>('/api/department/auto-decisions'), []);
  const { busy, holder, run } = useToastAction<string>();
  const canSwitch = account?.role === 'lead' || account?.role === 'admin';
  if (list.error) return <LoadError error={list.error} retry={list.reload} />;
  if (!list.data) return <Spin description={t('wbLoading')} />;
  const toggle = async (s: AutoDecisionSetting, enabled: boolean) => {
    const body = account?.role === 'admin' ? { enabled, department: s.department } : { enabled };
    if (await run(`${s.department}:${s.item}`, () => put(`/api/department/auto-decisions/${encodeURIComponent(s.item)}`, body), enabled ? t('wbInstantApprovalOfTurned', { itemName: s.itemName }) : t('wbInstantApprovalOfTurned2', { itemName: s.itemName }))) list.reload();
  };
  return (
    <Section title={t('wbInstantApprovalSettings')}>
      {holder}
      <Typography.Paragraph type="secondary">
        {t('wbEveryReviewPointOf')}{canSwitch ? '' : t('wbOnlyThisDepartmentS')}
      </Typography.Paragraph>
      {list.data.items.length === 0 ? <Typography.Text type="secondary">{t('wbThisDepartmentHasNo')}</Typography.Text> : (
        <List dataSource={list.data.items} renderItem={(s) => (
          <List.Item actions={[
            <Switch key="switch" checked={s.enabled} disabled={!canSwitch} loading={busy === `${s.department}:${s.item}`} checkedChildren={t('wbOn')} unCheckedChildren={t('wbOff')}
              aria-label={t('wbInstantApprovalOf', { itemName: s.itemName })} onChange={(on) => void toggle(s, on)} />,
          ]}>
            <List.Item.Meta
              title={<><span lang="zh-CN">{s.itemName}</span>{account?.role === 'admin' && <Typography.Text type="secondary">{t('wbSep')}<span lang="zh-CN">{s.departmentName}</span>{t('wbSep2')}</Typography.Text>}</>}
              description={(
                <Space orientation="vertical" size={2}>
                  {s.rules.map((r) => <span key={r}>· {r}</span>)}
                  <Typography.Text type="secondary">{t('wbBasis')}{s.basis}</Typography.Text>
                  {s.changedAt && <Typography.Text type="secondary">{s.changedByName ?? ''}{t('wbAt')} {fmtTime(s.changedAt)} {s.enabled ? t('wbOn') : t('wbOff')}</Typography.Text>}
                </Space>
              )} />
          </List.Item>
        )} />
      )}
    </Section>
  );
}
