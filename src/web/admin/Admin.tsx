/**
 * The admin console (clauses 5.3.2, 5.4, 6.4.2 b, 8.1): the catalogue, drafts with their review and
 * publication, change requests, the version list, the effectiveness dashboard and the admin tools.
 * Each role sees its part; the dashboard (with ECharts) loads only when opened.
 */
import { Spin, Typography } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, NavLink, Route, Routes, useLocation } from 'react-router-dom';
import { useAuth, type Account } from '../shared/auth.tsx';
import { usePageTitle } from '../shared/usePageTitle.ts';
import { RequireRole } from '../window/ui.tsx';
import { Catalogue } from './Catalogue.tsx';
import { ChangeRequests } from './ChangeRequests.tsx';
import { DraftPage } from './DraftPage.tsx';
import { Drafts } from './Drafts.tsx';
import { RatingAppeals } from './RatingAppeals.tsx';
import { Todo } from './Todo.tsx';
import { Tools } from './Tools.tsx';
import { Versions } from './Versions.tsx';
import './admin.css';

const Dashboard = lazy(() => import('./Dashboard.tsx'));

type Role = Account['role'];

const SECTIONS: { path: string; label: string; roles: Role[] }[] = [
  { path: 'todo', label: '待办', roles: ['admin', 'lead', 'reviewer'] },
  { path: 'drafts', label: '目录草稿', roles: ['admin', 'lead', 'reviewer'] },
  { path: 'change-requests', label: '变更申请', roles: ['admin', 'lead', 'reviewer', 'window'] },
  { path: 'dashboard', label: '成效看板', roles: ['admin', 'lead', 'auditor'] },
  { path: 'appeals', label: '差评申诉', roles: ['admin'] },
  { path: 'audit', label: '审计校验', roles: ['auditor'] },
  { path: 'versions', label: '版本记录', roles: ['admin', 'lead', 'reviewer', 'auditor', 'window'] },
  { path: 'catalogue', label: '事项目录', roles: ['admin', 'lead', 'reviewer', 'auditor', 'window'] },
  { path: 'tools', label: '系统工具', roles: ['admin'] },
];

const HOME: Partial<Record<Role, string>> = { admin: 'todo', lead: 'todo', reviewer: 'todo', auditor: 'dashboard', window: 'change-requests' };

function Gate({ path, children }: { path: string; children: ReactNode }) {
  const { account } = useAuth();
  const s = SECTIONS.find((x) => x.path === path);
  if (!account || !s || !s.roles.includes(account.role)) return <Navigate to="/admin" replace />;
  return <>{children}</>;
}

/** Pages below a section, named in the title bar apart from the section itself. */
const SUBPAGES: [string, string][] = [
  ['catalogue/items', '事项清单'], ['catalogue/matters/', '一件事结构'], ['catalogue/', '目录详情'], ['drafts/', '草稿详情'],
];

function Console() {
  const { account } = useAuth();
  const role = account?.role ?? 'applicant';
  const mine = SECTIONS.filter((s) => s.roles.includes(role));
  const path = useLocation().pathname.replace(/^\/admin\/?/, '');
  const section = SECTIONS.find((s) => path === s.path || path.startsWith(`${s.path}/`));
  const sub = SUBPAGES.find(([prefix]) => path.startsWith(prefix))?.[1];
  usePageTitle(`${sub ?? section?.label ?? '管理功能'} - 目录与成效管理`);
  return (
    <div className="admin">
      <div className="admin-head">
        <Typography.Title level={1} style={{ margin: 0 }}>目录与成效管理</Typography.Title>
        <Typography.Text type="secondary">{account?.displayName}（{account?.roleName}）</Typography.Text>
      </div>
      <nav aria-label="管理功能" className="admin-nav">
        <ul>
          {mine.map((s) => (
            <li key={s.path}><NavLink to={`/admin/${s.path}`}>{s.label}</NavLink></li>
          ))}
        </ul>
      </nav>
      <Suspense fallback={<Spin description="加载中…" />}>
        <Routes>
          <Route index element={<Navigate to={`/admin/${HOME[role] ?? 'catalogue'}`} replace />} />
          <Route path="todo" element={<Gate path="todo"><Todo /></Gate>} />
          <Route path="drafts" element={<Gate path="drafts"><Drafts /></Gate>} />
          <Route path="drafts/:id" element={<Gate path="drafts"><DraftPage /></Gate>} />
          <Route path="change-requests" element={<Gate path="change-requests"><ChangeRequests /></Gate>} />
          <Route path="versions" element={<Gate path="versions"><Versions /></Gate>} />
          <Route path="catalogue/*" element={<Gate path="catalogue"><Catalogue /></Gate>} />
          <Route path="dashboard" element={<Gate path="dashboard"><Dashboard /></Gate>} />
          <Route path="appeals" element={<Gate path="appeals"><RatingAppeals /></Gate>} />
          <Route path="tools" element={<Gate path="tools"><Tools /></Gate>} />
          <Route path="audit" element={<Gate path="audit"><Tools /></Gate>} />
          <Route path="*" element={<Navigate to="/admin" replace />} />
        </Routes>
      </Suspense>
    </div>
  );
}

export default function Admin() {
  return (
    <RequireRole roles={['admin', 'lead', 'reviewer', 'auditor', 'window']} what="目录与成效管理">
      <Console />
    </RequireRole>
  );
}
