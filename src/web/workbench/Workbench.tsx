/** The department workbench: the queue with deadline marks, one task at a time, joint review and rectifications. */
// First: this face's words join the catalogue before any of its modules reads them.
import '../shared/messages/staff-faces.ts';
import { Select, Tabs, Typography } from 'antd';
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
import { OffersPage } from './Offers.tsx';
import { usePrefs } from '../shared/prefs.tsx';

const TAB_NAMES = { tasks: 'wbCaseQueue2', oversight: 'wbLeadOversight2', rectifications: 'wbBadRatingRectification', consultations: 'wbEnquiriesAndComplaints', auto: 'wbInstantApproval', offers: 'offers_wbTab' } as const;

function Home() {
  const { t } = usePrefs();
  const { account } = useAuth();
  const navigate = useNavigate();
  const path = useLocation().pathname;
  const tab = path.startsWith('/workbench/rectifications') ? 'rectifications' : path.startsWith('/workbench/oversight') ? 'oversight' : path.startsWith('/workbench/consultations') ? 'consultations' : path.startsWith('/workbench/auto') ? 'auto' : path.startsWith('/workbench/offers') ? 'offers' : 'tasks';
  const lead = account?.role === 'lead';
  // Six tabs do not fit a phone, and antd's overflow menu would break the tab list's roles: a select there.
  const phone = usePhone();
  const leadItems = [
    { key: 'tasks', label: t(TAB_NAMES.tasks), children: tab === 'tasks' ? <TaskQueue /> : null },
    { key: 'oversight', label: t(TAB_NAMES.oversight), children: tab === 'oversight' ? <Oversight /> : null },
    { key: 'rectifications', label: t(TAB_NAMES.rectifications), children: tab === 'rectifications' ? <Rectifications /> : null },
    { key: 'consultations', label: t(TAB_NAMES.consultations), children: tab === 'consultations' ? <Answering /> : null },
    { key: 'auto', label: t(TAB_NAMES.auto), children: tab === 'auto' ? <AutoDecisionSwitches /> : null },
    { key: 'offers', label: t('offers_wbTab'), children: tab === 'offers' ? <OffersPage /> : null },
  ];
  usePageTitle(t('wbWorkbench', { p0: t(lead || tab === 'consultations' || tab === 'auto' || tab === 'offers' ? TAB_NAMES[tab] : TAB_NAMES.tasks) }));
  return (
    <>
      <Typography.Title level={1}>{t('wbDepartmentWorkbench')}</Typography.Title>
      <Typography.Paragraph type="secondary"><span lang="zh-CN">{account?.displayName}</span>{lead ? t('wbLeadDepartmentManager') : ''}</Typography.Paragraph>
      {lead && phone ? (
        <>
          <Select aria-label={t('wbSection')} value={tab} onChange={(k: string) => navigate(k === 'tasks' ? '/workbench' : `/workbench/${k}`)} options={leadItems.map((i) => ({ value: i.key, label: i.label }))} style={{ width: '100%', marginBottom: 16 }} />
          {leadItems.find((i) => i.key === tab)?.children}
        </>
      ) : lead ? (
        <Tabs activeKey={tab} onChange={(k) => navigate(k === 'tasks' ? '/workbench' : `/workbench/${k}`)} items={leadItems} />
      ) : (
        <Tabs activeKey={tab === 'consultations' || tab === 'auto' || tab === 'offers' ? tab : 'tasks'} onChange={(k) => navigate(k === 'tasks' ? '/workbench' : `/workbench/${k}`)} items={[
          { key: 'tasks', label: t(TAB_NAMES.tasks), children: tab !== 'consultations' && tab !== 'auto' && tab !== 'offers' ? <TaskQueue /> : null },
          { key: 'consultations', label: t(TAB_NAMES.consultations), children: tab === 'consultations' ? <Answering /> : null },
          { key: 'auto', label: t(TAB_NAMES.auto), children: tab === 'auto' ? <AutoDecisionSwitches /> : null },
          { key: 'offers', label: t('offers_wbTab'), children: tab === 'offers' ? <OffersPage /> : null },
        ]} />
      )}
    </>
  );
}

export default function Workbench() {
  const { t } = usePrefs();
  return (
    <RequireRole roles={['reviewer', 'lead']} what={t('wbDepartmentWorkbench')}>
      <Routes>
        <Route index element={<Home />} />
        <Route path="rectifications" element={<Home />} />
        <Route path="oversight" element={<Home />} />
        <Route path="consultations" element={<Home />} />
        <Route path="auto" element={<Home />} />
        <Route path="offers" element={<Home />} />
        <Route path="tasks/:caseId/:item" element={<TaskPage />} />
        <Route path="*" element={<Home />} />
      </Routes>
    </RequireRole>
  );
}
