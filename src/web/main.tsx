/** The one web app: the portal first; the window, workbench and admin faces load only when opened. */
import { Spin } from 'antd';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import Home from './portal/Home.tsx';
import { AuthProvider } from './shared/auth.tsx';
import { PrefsProvider } from './shared/prefs.tsx';
import { Shell } from './shared/Shell.tsx';
import './shared/global.css';

const Guide = lazy(() => import('./portal/Guide.tsx'));
const Login = lazy(() => import('./portal/Login.tsx'));
const Apply = lazy(() => import('./portal/Apply.tsx'));
const MyCases = lazy(() => import('./portal/MyCases.tsx'));
const CaseDetail = lazy(() => import('./portal/CaseDetail.tsx'));
const Wallet = lazy(() => import('./portal/Wallet.tsx'));
const PublicProgress = lazy(() => import('./portal/PublicProgress.tsx'));
const Consult = lazy(() => import('./portal/Consult.tsx'));
const OfferPublicity = lazy(() => import('./portal/OfferPublicity.tsx'));
const WindowConsole = lazy(() => import('./window/WindowConsole.tsx'));
const Workbench = lazy(() => import('./workbench/Workbench.tsx'));
const Admin = lazy(() => import('./admin/Admin.tsx'));
const ChangePassword = lazy(() => import('./shared/ChangePassword.tsx'));
const NotFound = lazy(() => import('./shared/NotFound.tsx'));

// After a new release the old page may ask for code files that are gone: load the new release instead.
window.addEventListener('vite:preloadError', () => window.location.reload());

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <PrefsProvider>
      <AuthProvider>
        <BrowserRouter>
          <Shell>
            <Suspense fallback={<Spin />}>
              <Routes>
                <Route path="/" element={<Home />} />
                <Route path="/login" element={<Login />} />
                <Route path="/matters/:id" element={<Guide />} />
                <Route path="/matters/:id/apply" element={<Apply />} />
                <Route path="/cases" element={<MyCases />} />
                <Route path="/cases/:id" element={<CaseDetail />} />
                <Route path="/wallet" element={<Wallet />} />
                <Route path="/progress" element={<PublicProgress />} />
                <Route path="/consult" element={<Consult />} />
                <Route path="/offers/publicity" element={<OfferPublicity />} />
                <Route path="/window/*" element={<WindowConsole />} />
                <Route path="/workbench/*" element={<Workbench />} />
                <Route path="/admin/*" element={<Admin />} />
                <Route path="/account/password" element={<ChangePassword />} />
                <Route path="*" element={<NotFound />} />
              </Routes>
            </Suspense>
          </Shell>
        </BrowserRouter>
      </AuthProvider>
    </PrefsProvider>
  </StrictMode>,
);
