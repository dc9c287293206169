/** The department workbench: the queue with deadline marks, one task at a time, joint review and rectifications. */
import { Tabs, Typography } from 'antd';
import { Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../shared/auth.tsx';
import { usePhone } from '../shared/phone/usePhone.ts';
import { usePageTitle } from '../shared/usePageTitle.ts';
import { RequireRole } from '../window/ui.tsx';
import { TaskQueue } from './TaskQueue.tsx';
import { TaskPage } from './TaskPage.tsx';
import { Rectifications } from './Rectifications.tsx';
import { Oversight } from './Oversight.tsx';
import { Answering } from '../shared/consultations/Answering.tsx';
import { AutoDecisionSwitches } from './AutoDecision.tsx';

const TAB_NAMES = { tasks: '办件队列', oversight: '牵头督办', rectifications: '差评整改', consultations: '咨询投诉', auto: '秒批设置' } as const;

function Home() {
  const { account } = useAuth();
  const navigate = useNavigate();
  const path = useLocation().pathname;
  const tab = path.startsWith('/workbench/rectifications') ? 'rectifications' : path.startsWith('/workbench/oversight') ? 'oversight' : path.startsWith('/workbench/consultations') ? 'consultations' : path.startsWith('/workbench/auto') ? 'auto' : 'tasks';
  const lead = account?.role === 'lead';
  // Five tabs fit a phone only closer together; antd's overflow menu would break the tab list's roles.
  const gutter = usePhone() ? 14 : undefined;
  usePageTitle(`部门工作台 ${lead || tab === 'consultations' || tab === 'auto' ? TAB_NAMES[tab] : '办件队列'}`);
  return (
    <>
      <Typography.Title level={1}>部门审批工作台</Typography.Title>
      <Typography.Paragraph type="secondary">{account?.displayName}{lead ? '（牵头部门管理人员）' : ''}</Typography.Paragraph>
      {lead ? (
        <Tabs activeKey={tab} tabBarGutter={gutter} onChange={(k) => navigate(k === 'tasks' ? '/workbench' : `/workbench/${k}`)} items={[
          { key: 'tasks', label: TAB_NAMES.tasks, children: tab === 'tasks' ? <TaskQueue /> : null },
          { key: 'oversight', label: TAB_NAMES.oversight, children: tab === 'oversight' ? <Oversight /> : null },
          { key: 'rectifications', label: TAB_NAMES.rectifications, children: tab === 'rectifications' ? <Rectifications /> : null },
          { key: 'consultations', label: TAB_NAMES.consultations, children: tab === 'consultations' ? <Answering /> : null },
          { key: 'auto', label: TAB_NAMES.auto, children: tab === 'auto' ? <AutoDecisionSwitches /> : null },
        ]} />
      ) : (
        <Tabs activeKey={tab === 'consultations' || tab === 'auto' ? tab : 'tasks'} onChange={(k) => navigate(k === 'tasks' ? '/workbench' : `/workbench/${k}`)} items={[
          { key: 'tasks', label: TAB_NAMES.tasks, children: tab !== 'consultations' && tab !== 'auto' ? <TaskQueue /> : null },
          { key: 'consultations', label: TAB_NAMES.consultations, children: tab === 'consultations' ? <Answering /> : null },
          { key: 'auto', label: TAB_NAMES.auto, children: tab === 'auto' ? <AutoDecisionSwitches /> : null },
        ]} />
      )}
    </>
  );
}

export default function Workbench() {
  return (
    <RequireRole roles={['reviewer', 'lead']} what="部门审批工作台">
      <Routes>
        <Route index element={<Home />} />
        <Route path="rectifications" element={<Home />} />
        <Route path="oversight" element={<Home />} />
        <Route path="consultations" element={<Home />} />
        <Route path="auto" element={<Home />} />
        <Route path="tasks/:caseId/:item" element={<TaskPage />} />
        <Route path="*" element={<Home />} />
      </Routes>
    </RequireRole>
  );
}
