import { Link, Route, Routes } from 'react-router';
import { Empty } from '../shared/ui';
import { AccountPage } from './account/account-page';
import { CartProvider } from './cart/cart-context';
import { CartPage } from './cart/cart-page';
import { CheckoutPage } from './checkout/checkout-page';
import { StorefrontLayout } from './layout/storefront-layout';
import { CategoryPage } from './menu/category-page';
import { LandingPage } from './menu/landing-page';
import { OrdersPage } from './orders/orders-page';
import { ProductPage } from './product/product-page';
import { SearchPage } from './search/search-page';
import { TrackPage } from './track/track-page';

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
          <Route path="cart" element={<CartPage />} />
          <Route path="checkout" element={<CheckoutPage />} />
          <Route path="track/:orderId" element={<TrackPage />} />
          <Route path="orders" element={<OrdersPage />} />
          <Route path="account" element={<AccountPage />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </CartProvider>
  );
}
