import { NavLink, Outlet } from 'react-router';
import { useSession } from '../../shared/session/session';
import { Button, cn, ErrorBoundary } from '../ui';
import { sectionsFor } from '../auth/permissions';

/** The dashboard frame: a navigation of what the role may open, and the page. */
export function AdminLayout() {
  const session = useSession();
  const sections = sectionsFor(session.user?.role);
  return (
    <div className="min-h-screen bg-stone-100 text-stone-900">
      <a href="#admin-main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <header className="border-b border-stone-200 bg-stone-900 text-white">
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
          <span className="text-lg font-bold">Galley staff</span>
          <nav aria-label="Dashboard" className="flex-1">
            <ul className="flex flex-wrap gap-1">
              {sections.map((s) => (
                <li key={s.id}>
                  <NavLink
                    to={s.path}
                    className={({ isActive }) =>
                      cn(
                        'inline-flex min-h-11 items-center whitespace-nowrap rounded-lg px-3 text-sm font-medium hover:bg-stone-700 focus-visible:outline-2 focus-visible:outline-orange-400',
                        isActive && 'bg-stone-700 text-white underline decoration-orange-400 decoration-2 underline-offset-4',
                      )
                    }
                  >
                    {s.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="flex items-center gap-2 text-sm">
            <span className="hidden text-stone-300 lg:inline">{session.user?.email}</span>
            <Button variant="secondary" size="sm" onClick={() => void session.signOut()}>
              Sign out
            </Button>
          </div>
        </div>
      </header>
      <main id="admin-main" className="px-3 py-4 md:px-5">
        <ErrorBoundary>
          <Outlet />
        </ErrorBoundary>
      </main>
    </div>
  );
}
