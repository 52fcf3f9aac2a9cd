import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Link, Route, Routes } from 'react-router';
import { Empty, Loading } from '../shared/ui';
import { CartProvider } from './cart/cart-context';
import { StorefrontLayout } from './layout/storefront-layout';
import { CategoryPage } from './menu/category-page';
import { LandingPage } from './menu/landing-page';
import { ProductPage } from './product/product-page';
import { SearchPage } from './search/search-page';

// The menu, a dish and search come with the first page; the rest loads when visited.
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}
const CartPage = page(() => import('./cart/cart-page'), 'CartPage');
const CheckoutPage = page(() => import('./checkout/checkout-page'), 'CheckoutPage');
const TrackPage = page(() => import('./track/track-page'), 'TrackPage');
const OrdersPage = page(() => import('./orders/orders-page'), 'OrdersPage');
const AccountPage = page(() => import('./account/account-page'), 'AccountPage');

function Later({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

function NotFound() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <Empty title="There is nothing at this address.">
        <Link to="/" className="font-medium text-orange-800 underline">
          Back to the menu
        </Link>
      </Empty>
    </div>
  );
}

export function StorefrontRoutes() {
  return (
    <CartProvider>
      <Routes>
        <Route element={<StorefrontLayout />}>
          <Route index element={<LandingPage />} />
          <Route path="menu/:slug" element={<CategoryPage />} />
          <Route path="search" element={<SearchPage />} />
          <Route path="product/:id" element={<ProductPage />} />
          <Route path="cart" element={<Later><CartPage /></Later>} />
          <Route path="checkout" element={<Later><CheckoutPage /></Later>} />
          <Route path="track/:orderId" element={<Later><TrackPage /></Later>} />
          <Route path="orders" element={<Later><OrdersPage /></Later>} />
          <Route path="account" element={<Later><AccountPage /></Later>} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </CartProvider>
  );
}
