/**
 * The admin console (clauses 5.3.2, 5.4, 6.4.2 b, 8.1): the catalogue, drafts with their review and
 * publication, change requests, the version list, the effectiveness dashboard and the admin tools.
 * Each role sees its part; the dashboard (with ECharts) loads only when opened.
 */
// First: this face's words join the catalogue before any of its modules reads them.
import '../shared/messages/staff-faces.ts';
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
import { usePrefs } from '../shared/prefs.tsx';
import type { MessageKey } from '../shared/messages/index.ts';
import { ROLE_NAME } from '../window/ui.tsx';

const Dashboard = lazy(() => import('./Dashboard.tsx'));

type Role = Account['role'];

const SECTIONS: { path: string; label: MessageKey; roles: Role[] }[] = [
  { path: 'todo', label: 'admToDo', roles: ['admin', 'lead', 'reviewer'] },
  { path: 'drafts', label: 'admCatalogueDrafts', roles: ['admin', 'lead', 'reviewer'] },
  { path: 'change-requests', label: 'admChangeRequests', roles: ['admin', 'lead', 'reviewer', 'window'] },
  { path: 'dashboard', label: 'admResultsDashboard', roles: ['admin', 'lead', 'auditor'] },
  { path: 'appeals', label: 'admRatingAppeals', roles: ['admin'] },
  { path: 'audit', label: 'admAuditCheck', roles: ['auditor'] },
  { path: 'versions', label: 'admVersions', roles: ['admin', 'lead', 'reviewer', 'auditor', 'window'] },
  { path: 'catalogue', label: 'admCatalogue', roles: ['admin', 'lead', 'reviewer', 'auditor', 'window'] },
  { path: 'tools', label: 'admSystemTools', roles: ['admin'] },
];

const HOME: Partial<Record<Role, string>> = { admin: 'todo', lead: 'todo', reviewer: 'todo', auditor: 'dashboard', window: 'change-requests' };

function Gate({ path, children }: { path: string; children: ReactNode }) {
  const { account } = useAuth();
  const s = SECTIONS.find((x) => x.path === path);
  if (!account || !s || !s.roles.includes(account.role)) return <Navigate to="/admin" replace />;
  return <>{children}</>;
}

/** Pages below a section, named in the title bar apart from the section itself. */
const SUBPAGES: [string, MessageKey][] = [
  ['catalogue/items', 'admItemList'], ['catalogue/matters/', 'admMatterStructure'], ['catalogue/', 'admCatalogueDetails'], ['drafts/', 'admDraftDetails'],
];

function Console() {
  const { t } = usePrefs();
  const { account } = useAuth();
  const role = account?.role ?? 'applicant';
  const mine = SECTIONS.filter((s) => s.roles.includes(role));
  const path = useLocation().pathname.replace(/^\/admin\/?/, '');
  const section = SECTIONS.find((s) => path === s.path || path.startsWith(`${s.path}/`));
  const sub = SUBPAGES.find(([prefix]) => path.startsWith(prefix))?.[1];
  usePageTitle(t('admCatalogueAndResultsAdministration', { p0: t(sub ?? section?.label ?? 'admAdministration') }));
  return (
    <div className="admin">
      <div className="admin-head">
        <Typography.Title level={1} style={{ margin: 0 }}>{t('admCatalogueAndResultsAdministration2')}</Typography.Title>
        <Typography.Text type="secondary"><span lang="zh-CN">{account?.displayName}</span>{t('admSep')}{account ? t(ROLE_NAME[account.role]) : ''}{t('admSep2')}</Typography.Text>
      </div>
      <nav aria-label={t('admAdministration')} className="admin-nav">
        <ul>
          {mine.map((s) => (
            <li key={s.path}><NavLink to={`/admin/${s.path}`}>{t(s.label)}</NavLink></li>
          ))}
        </ul>
      </nav>
      <Suspense fallback={<Spin description={t('admLoading')} />}>
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
  const { t } = usePrefs();
  return (
    <RequireRole roles={['admin', 'lead', 'reviewer', 'auditor', 'window']} what={t('admCatalogueAndResultsAdministration2')}>
      <Console />
    </RequireRole>
  );
}
