import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { AppProviders } from './shared/providers';
import { ErrorBoundary, Loading } from './shared/ui';
import { StorefrontRoutes } from './storefront/storefront-routes';

// The dashboard is its own chunk: customers never download it.
const AdminApp = lazy(() => import('./admin/AdminApp'));

export function App() {
  return (
    <AppProviders>
      <ErrorBoundary>
        <BrowserRouter>
          <Routes>
            <Route
              path="/admin/*"
              element={
                <Suspense fallback={<Loading label="Loading the dashboard…" />}>
                  <AdminApp />
                </Suspense>
              }
            />
            <Route path="/*" element={<StorefrontRoutes />} />
          </Routes>
        </BrowserRouter>
      </ErrorBoundary>
    </AppProviders>
  );
}
