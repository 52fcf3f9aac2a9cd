import { ShoppingBag, User } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Link, NavLink, Outlet } from 'react-router';
import { useSession } from '../../shared/session/session';
import { useStoreInfo } from '../../shared/store';
import { ErrorBoundary } from '../../shared/ui';
import { useAvailabilityStream } from '../availability-stream';
import { useCart } from '../cart/cart-context';
import { SearchBox } from '../search/search-box';

const navClass = ({ isActive }: { isActive: boolean }) =>
  `inline-flex min-h-11 items-center gap-1.5 rounded-lg px-2 font-medium hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-orange-600 sm:px-3 ${isActive ? 'text-orange-800' : 'text-stone-800'}`;

export function StorefrontLayout() {
  useAvailabilityStream();
  const store = useStoreInfo();
  const cart = useCart();
  const session = useSession();

  return (
    <div className="flex min-h-screen flex-col bg-stone-50 text-stone-900">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <header className="sticky top-0 z-20 border-b border-stone-200 bg-white/95 backdrop-blur">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-2">
          <Link to="/" className="mr-auto text-xl font-bold tracking-tight text-orange-700 focus-visible:outline-2 focus-visible:outline-orange-600 sm:mr-0">
            {store.data?.name ?? 'Galley'}
          </Link>
          <div className="order-last w-full sm:order-none sm:w-auto sm:flex-1">
            <SearchBox />
          </div>
          <nav aria-label="Main" className="flex items-center gap-1">
            <NavLink to="/" end className={navClass}>
              Menu
            </NavLink>
            <NavLink to="/orders" className={navClass}>
              Orders
            </NavLink>
            <NavLink to="/account" className={navClass} aria-label={session.user ? (session.isGuest ? 'Account (guest)' : `${session.user.name}, account`) : 'Account'}>
              <User aria-hidden="true" className="h-5 w-5" />
              <span className="hidden sm:inline">{session.user && !session.isGuest ? session.user.name.split(' ')[0] : 'Account'}</span>
            </NavLink>
            <NavLink to="/cart" className={navClass} aria-label={`Cart, ${cart.itemCount} ${cart.itemCount === 1 ? 'item' : 'items'}`}>
              <ShoppingBag aria-hidden="true" className="h-5 w-5" />
              <span className="hidden sm:inline">Cart</span>{' '}
              <span aria-hidden="true" className="min-w-6 rounded-full bg-orange-700 px-1.5 text-center text-sm text-white">
                {cart.itemCount}
              </span>
            </NavLink>
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 focus:outline-none">
        <ErrorBoundary>
          <Outlet />
        </ErrorBoundary>
      </main>
      <footer className="border-t border-stone-200 py-6 text-center text-sm text-stone-600">
        <p>
          {store.data?.name ?? 'Galley'} · Prices include taxes where applicable. · <Link to="/admin" className="underline">Staff</Link>
        </p>
      </footer>
      <AddedAnnouncer />
    </div>
  );
}

/** "Added Tiramisu to your cart", spoken and shown briefly after each add. */
function AddedAnnouncer() {
  const { lastAdded } = useCart();
  const [visible, setVisible] = useState<string | null>(null);
  useEffect(() => {
    if (!lastAdded) return;
    setVisible(lastAdded.name);
    const t = setTimeout(() => setVisible(null), 3500);
    return () => clearTimeout(t);
  }, [lastAdded]);
  return (
    <div aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex justify-center px-4">
      {visible && (
        <p className="pointer-events-auto rounded-full bg-stone-900 px-4 py-2 text-white shadow-lg">
          Added {visible} to your cart ·{' '}
          <Link to="/cart" className="font-semibold underline">
            View cart
          </Link>
        </p>
      )}
    </div>
  );
}
