/** The department workbench: the queue with deadline marks, one task at a time, joint review and rectifications. */
import { Tabs, Typography } from 'antd';
import { Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../shared/auth.tsx';
import { RequireRole } from '../window/ui.tsx';
import { TaskQueue } from './TaskQueue.tsx';
import { TaskPage } from './TaskPage.tsx';
import { Rectifications } from './Rectifications.tsx';
import { Oversight } from './Oversight.tsx';

function Home() {
  const { account } = useAuth();
  const navigate = useNavigate();
  const path = useLocation().pathname;
  const tab = path.startsWith('/workbench/rectifications') ? 'rectifications' : path.startsWith('/workbench/oversight') ? 'oversight' : 'tasks';
  const lead = account?.role === 'lead';
  return (
    <>
      <Typography.Title level={2}>部门审批工作台</Typography.Title>
      <Typography.Paragraph type="secondary">{account?.displayName}{lead ? '（牵头部门管理人员）' : ''}</Typography.Paragraph>
      {lead ? (
        <Tabs activeKey={tab} onChange={(k) => navigate(k === 'tasks' ? '/workbench' : `/workbench/${k}`)} items={[
          { key: 'tasks', label: '办件队列', children: tab === 'tasks' ? <TaskQueue /> : null },
          { key: 'oversight', label: '牵头督办', children: tab === 'oversight' ? <Oversight /> : null },
          { key: 'rectifications', label: '差评整改', children: tab === 'rectifications' ? <Rectifications /> : null },
        ]} />
      ) : <TaskQueue />}
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
        <Route path="tasks/:caseId/:item" element={<TaskPage />} />
        <Route path="*" element={<Home />} />
      </Routes>
    </RequireRole>
  );
}
