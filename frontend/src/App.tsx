import { Suspense, lazy } from 'react';
import { BrowserRouter, Navigate, Outlet, Route, Routes } from 'react-router';
import { AccountPage } from './account/AccountPage';
import { AdminDashboard } from './admin/AdminDashboard';
import { AuditPage } from './admin/audit/AuditPage';
import { EndpointsPage } from './admin/endpoints/EndpointsPage';
import { ImportPage } from './admin/import/ImportPage';
import { PeoplePage } from './admin/people/PeoplePage';
import { UnitsPage } from './admin/units/UnitsPage';
import { AuthProvider, useAuth } from './auth/AuthContext';
import { RequireAuth, RequireRole, Splash } from './auth/guards';
import { LoginPage } from './auth/LoginPage';
import { NoticeProvider } from './components/Notice';
import { HomePage } from './home/HomePage';
import { AppShell, DIRECTORY_ROLES } from './layout/AppShell';
import { NotFound } from './layout/Forbidden';
import { DisplayPage } from './live/DisplayPage';
import { CalendarPage } from './meetings/CalendarPage';
import { MeetingEditPage, MeetingForm } from './meetings/MeetingForm';
import { MeetingPage } from './meetings/MeetingPage';
import { MeetingsPage } from './meetings/MeetingsPage';
import { UpdateBanner } from './offline/UpdateBanner';
import { VerifyPage } from './minutes/VerifyPage';
import { MyTasksPage, OVERVIEW_ROLES } from './tasks/MyTasksPage';
import { TasksOverviewPage } from './tasks/TasksOverviewPage';

// The reader (pdf.js) is a chunk of its own, loaded when a document is opened.
const ReaderPage = lazy(() => import('./documents/reader/ReaderPage'));
// The outbox of annotation changes (IndexedDB) starts just after the app.
const OfflineSync = lazy(() => import('./offline/OfflineSync').then((m) => ({ default: m.OfflineSync })));
// Reading the documents stored on this device with the PIN, without a session.
const DeviceShell = lazy(() => import('./documents/StoredMeetings').then((m) => ({ default: m.DeviceShell })));
const StoredMeetings = lazy(() => import('./documents/StoredMeetings').then((m) => ({ default: m.StoredMeetings })));
const StoredMeeting = lazy(() => import('./documents/StoredMeetings').then((m) => ({ default: m.StoredMeeting })));

/**
 * Routes. The server answers index.html for unknown non-API paths, so deep links such as
 * /admin/endpoints survive a reload. Everything under /admin is for ADMIN only; anyone else
 * sees the "Không có quyền truy cập" page.
 */
export function App() {
  return (
    <BrowserRouter>
      <AuthProvider>
        <NoticeProvider>
          <Suspense fallback={null}>
            <OfflineSync />
          </Suspense>
          <UpdateBanner />
          <AppRoutes />
        </NoticeProvider>
      </AuthProvider>
    </BrowserRouter>
  );
}

/**
 * The stored documents opened with the PIN (no session): the sign-in page, the list of stored
 * meetings, a meeting's stored documents and the reader; nothing else, and nothing that asks the
 * server.
 */
function DeviceRoutes() {
  return (
    <Suspense fallback={<Splash />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/meetings/:id/documents/:docId" element={<ReaderPage />} />
        <Route element={<DeviceShell />}>
          <Route index element={<StoredMeetings />} />
          <Route path="meetings" element={<StoredMeetings />} />
          <Route path="meetings/:id" element={<StoredMeeting />} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Route>
      </Routes>
    </Suspense>
  );
}

function AppRoutes() {
  const { device } = useAuth();
  if (device) return <DeviceRoutes />;
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      {/* the room's big screen: full screen, without the app's header */}
      <Route
        path="/display/:meetingId"
        element={
          <RequireAuth>
            <DisplayPage />
          </RequireAuth>
        }
      />
      {/* a document, full screen (tablet-first), offline too from the stored pack */}
      <Route
        path="/meetings/:id/documents/:docId"
        element={
          <RequireAuth>
            <Suspense fallback={<Splash />}>
              <ReaderPage />
            </Suspense>
          </RequireAuth>
        }
      />
      <Route
        element={
          <RequireAuth>
            <AppShell />
          </RequireAuth>
        }
      >
        <Route index element={<HomePage />} />
        <Route path="account" element={<AccountPage />} />
        <Route path="meetings">
          <Route index element={<MeetingsPage />} />
          <Route path="calendar" element={<CalendarPage />} />
          <Route
            path="new"
            element={
              <RequireRole roles={['SECRETARY', 'ADMIN']}>
                <MeetingForm />
              </RequireRole>
            }
          />
          <Route path=":id" element={<MeetingPage />} />
          <Route path=":id/edit" element={<MeetingEditPage />} />
        </Route>
        <Route path="tasks">
          <Route index element={<MyTasksPage />} />
          <Route
            path="overview"
            element={
              <RequireRole roles={OVERVIEW_ROLES}>
                <TasksOverviewPage />
              </RequireRole>
            }
          />
        </Route>
        <Route path="minutes/verify" element={<VerifyPage />} />
        <Route
          path="endpoints"
          element={
            <RequireRole roles={DIRECTORY_ROLES}>
              <EndpointsPage readOnly />
            </RequireRole>
          }
        />
        <Route
          path="people"
          element={
            <RequireRole roles={DIRECTORY_ROLES}>
              <PeoplePage readOnly />
            </RequireRole>
          }
        />
        <Route
          path="admin"
          element={
            <RequireRole roles={['ADMIN']}>
              <Outlet />
            </RequireRole>
          }
        >
          <Route index element={<AdminDashboard />} />
          <Route path="units" element={<UnitsPage />} />
          <Route path="endpoints" element={<EndpointsPage />} />
          <Route path="people" element={<PeoplePage />} />
          <Route path="import" element={<ImportPage />} />
          <Route path="audit" element={<AuditPage />} />
          <Route path="*" element={<NotFound />} />
        </Route>
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
