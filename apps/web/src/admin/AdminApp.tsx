import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { useSession } from '../shared/session/session';
import { ErrorBoundary, Loading } from './ui';
import { NotStaffPage } from './auth/not-staff-page';
import { canOpen, isStaff, sectionsFor, type Section } from './auth/permissions';
import { SignInPage } from './auth/sign-in-page';
import { BoardPage } from './board/board-page';
import { AdminLayout } from './layout/admin-layout';

const OrdersPage = lazy(() => import('./orders/orders-page').then((m) => ({ default: m.OrdersPage })));
const OrderDetailPage = lazy(() => import('./orders/order-detail-page').then((m) => ({ default: m.OrderDetailPage })));
const AttentionPage = lazy(() => import('./orders/attention-page').then((m) => ({ default: m.AttentionPage })));
const TodayPage = lazy(() => import('./home/today-page').then((m) => ({ default: m.TodayPage })));
const StoreSettingsPage = lazy(() => import('./store/store-settings-page').then((m) => ({ default: m.StoreSettingsPage })));
const CatalogPage = lazy(() => import('./catalog/catalog-page').then((m) => ({ default: m.CatalogPage })));
const StockPage = lazy(() => import('./stock/stock-page').then((m) => ({ default: m.StockPage })));
const ReviewsPage = lazy(() => import('./reviews/reviews-page').then((m) => ({ default: m.ReviewsPage })));
const OperationsPage = lazy(() => import('./operations/operations-page').then((m) => ({ default: m.OperationsPage })));

function PageFallback() {
  return (
    <div role="alert" className="mx-auto max-w-lg px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">This screen hit a problem</h1>
      <p className="mt-2 text-stone-700">Reload the page to try again. The kitchen board keeps running in its own tab.</p>
    </div>
  );
}

/** Only a role that may open a section sees it; anything else is sent to the first screen it may open. */
function Guarded({ section, children }: { section: Section; children: ReactNode }) {
  const { user } = useSession();
  if (!canOpen(user?.role, section)) return <Navigate to={sectionsFor(user?.role)[0]?.path ?? '/admin'} replace />;
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

/** The staff dashboard at /admin: sign-in, a "staff only" page for customers, then the screens. */
export default function AdminApp() {
  const session = useSession();
  if (session.status === 'restoring') return <Loading label="Checking your session…" />;
  if (session.status === 'signed-out') return <SignInPage />;
  if (!isStaff(session.user?.role)) return <NotStaffPage />;
  return (
    <ErrorBoundary fallback={() => <PageFallback />}>
      <Routes>
        <Route element={<AdminLayout />}>
          <Route index element={<Guarded section="board"><BoardPage /></Guarded>} />
          <Route path="board" element={<Guarded section="board"><BoardPage /></Guarded>} />
          <Route path="today" element={<Guarded section="today"><TodayPage /></Guarded>} />
          <Route path="orders" element={<Guarded section="orders"><OrdersPage /></Guarded>} />
          <Route path="orders/:id" element={<Guarded section="orders"><OrderDetailPage /></Guarded>} />
          <Route path="attention" element={<Guarded section="attention"><AttentionPage /></Guarded>} />
          <Route path="catalog/*" element={<Guarded section="catalog"><CatalogPage /></Guarded>} />
          <Route path="stock" element={<Guarded section="stock"><StockPage /></Guarded>} />
          <Route path="store" element={<Guarded section="store"><StoreSettingsPage /></Guarded>} />
          <Route path="reviews" element={<Guarded section="reviews"><ReviewsPage /></Guarded>} />
          <Route path="operations" element={<Guarded section="operations"><OperationsPage /></Guarded>} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </ErrorBoundary>
  );
}

function NotFound() {
  return (
    <div className="py-10">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-stone-700">There is no dashboard screen at this address.</p>
    </div>
  );
}
