/** 秒批 in the workbench: what 系统自动审批 found on a task, and the department's switch per item. */
import { Alert, List, Space, Spin, Switch, Tag, Typography } from 'antd';
import type { AutoDecisionSetting, AutoDecisionSettings, TaskAutoDecision } from '../../contracts/auto-decision.ts';
import { get, put } from '../shared/api.ts';
import { useAuth } from '../shared/auth.tsx';
import { useToastAction } from '../shared/useAction.ts';
import { useLoad } from '../shared/useLoad.ts';
import { fmtTime, LoadError, Section } from '../window/ui.tsx';

/** The rules' outcome on the task, rule by rule, in sentences; a reviewer sees why it came to them. */
export function AutoDecisionNote({ note }: { note: TaskAutoDecision }) {
  const approved = note.outcome === 'approved';
  return (
    <Section title={note.actorName}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert type={approved ? 'success' : 'warning'} showIcon title={approved ? `${note.actorName}已准予办理` : '已转人工审批，请审查后决定'} description={note.summary} />
        {note.evidence.length > 0 && (
          <List size="small" header={<Typography.Text strong>核验规则</Typography.Text>} dataSource={note.evidence} renderItem={(e) => (
            <List.Item>
              <span><Tag color={e.passed ? 'green' : 'red'}>{e.passed ? '✓ 通过' : '✗ 未通过'}</Tag>{e.sentence}</span>
            </List.Item>
          )} />
        )}
        <Typography.Text type="secondary">依据：{note.basis}</Typography.Text>
        <Typography.Text type="secondary">核验时间：{fmtTime(note.decidedAt)}</Typography.Text>
      </Space>
    </Section>
  );
}

/** The department's items with 秒批 rules; its manager turns each on or off, every change recorded. */
export function AutoDecisionSwitches() {
  const { account } = useAuth();
  const list = useLoad(() => get<AutoDecisionSettings>('/api/department/auto-decisions'), []);
  const { busy, holder, run } = useToastAction<string>();
  const canSwitch = account?.role === 'lead' || account?.role === 'admin';
  if (list.error) return <LoadError error={list.error} retry={list.reload} />;
  if (!list.data) return <Spin description="加载中…" />;
  const toggle = async (s: AutoDecisionSetting, enabled: boolean) => {
    const body = account?.role === 'admin' ? { enabled, department: s.department } : { enabled };
    if (await run(`${s.department}:${s.item}`, () => put(`/api/department/auto-decisions/${encodeURIComponent(s.item)}`, body), enabled ? `已开启「${s.itemName}」的秒批` : `已关闭「${s.itemName}」的秒批，子件将由人员审批`)) list.reload();
  };
  return (
    <Section title="秒批（无感审批）设置">
      {holder}
      <Typography.Paragraph type="secondary">
        以下事项的审查要点均可由共享数据自动核验。开启时，子件派发到本部门后由系统自动审批：规则全部通过即准予办理，任一规则未通过或数据不可用则转人员审批。关闭后，全部子件由人员审批。{canSwitch ? '' : '开关由本部门管理人员设置。'}
      </Typography.Paragraph>
      {list.data.items.length === 0 ? <Typography.Text type="secondary">本部门没有可秒批的事项。</Typography.Text> : (
        <List dataSource={list.data.items} renderItem={(s) => (
          <List.Item actions={[
            <Switch key="switch" checked={s.enabled} disabled={!canSwitch} loading={busy === `${s.department}:${s.item}`} checkedChildren="开启" unCheckedChildren="关闭"
              aria-label={`「${s.itemName}」秒批`} onChange={(on) => void toggle(s, on)} />,
          ]}>
            <List.Item.Meta
              title={<>{s.itemName}{account?.role === 'admin' && <Typography.Text type="secondary">（{s.departmentName}）</Typography.Text>}</>}
              description={(
                <Space orientation="vertical" size={2}>
                  {s.rules.map((r) => <span key={r}>· {r}</span>)}
                  <Typography.Text type="secondary">依据：{s.basis}</Typography.Text>
                  {s.changedAt && <Typography.Text type="secondary">{s.changedByName ?? ''}于 {fmtTime(s.changedAt)} {s.enabled ? '开启' : '关闭'}</Typography.Text>}
                </Space>
              )} />
          </List.Item>
        )} />
      )}
    </Section>
  );
}
