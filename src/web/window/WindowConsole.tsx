/** The comprehensive window (综合窗口): the queue, applications for visitors, the completeness check, results. */
// First: this face's words join the catalogue before any of its modules reads them.
import '../shared/messages/window-face.ts';
import { Route, Routes } from 'react-router-dom';
import { CasePage } from './CasePage.tsx';
import { NewApplication } from './NewApplication.tsx';
import { Queue } from './Queue.tsx';
import { RequireRole } from './ui.tsx';
import { WalkIn } from './WalkIn.tsx';
import { usePrefs } from '../shared/prefs.tsx';

export default function WindowConsole() {
  const { t } = usePrefs();
  return (
    <RequireRole roles={['window']} what={t('winComprehensiveWindow')}>
      <Routes>
        <Route index element={<Queue />} />
        <Route path="new" element={<NewApplication />} />
        <Route path="walk-in" element={<WalkIn />} />
        <Route path="cases/:id" element={<CasePage />} />
        <Route path="*" element={<Queue />} />
      </Routes>
    </RequireRole>
  );
}
