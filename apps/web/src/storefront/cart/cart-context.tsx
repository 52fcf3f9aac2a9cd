import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { addLine, cartTotals, parseCart, removeLine, setQuantity, type CartLine } from './cart';

const STORAGE_KEY = 'galley.cart.v1';

type CartApi = {
  lines: CartLine[];
  itemCount: number;
  add(line: Omit<CartLine, 'key'>): void;
  setQuantity(key: string, quantity: number): void;
  update(key: string, change: Partial<Pick<CartLine, 'unitPrice' | 'quantity'>>): void;
  remove(key: string): void;
  clear(): void;
  /** The last thing added, for the "Added to cart" announcement. */
  lastAdded: { name: string; at: number } | null;
};

const CartContext = createContext<CartApi | null>(null);

function load(): CartLine[] {
  try {
    return parseCart(localStorage.getItem(STORAGE_KEY));
  } catch {
    return [];
  }
}

/** The cart lives in localStorage, so it survives a reload and is shared across tabs. */
export function CartProvider({ children }: { children: ReactNode }) {
  const [lines, setLines] = useState<CartLine[]>(load);
  const [lastAdded, setLastAdded] = useState<CartApi['lastAdded']>(null);

  useEffect(() => {
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(lines));
    } catch {
      // Private mode or a full quota: the cart still works for this tab.
    }
  }, [lines]);

  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key === STORAGE_KEY) setLines(parseCart(e.newValue));
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  const add = useCallback((line: Omit<CartLine, 'key'>) => {
    setLines((ls) => addLine(ls, line));
    setLastAdded({ name: line.name, at: Date.now() });
  }, []);
  const setQty = useCallback((key: string, quantity: number) => setLines((ls) => setQuantity(ls, key, quantity)), []);
  const update = useCallback(
    (key: string, change: Partial<Pick<CartLine, 'unitPrice' | 'quantity'>>) =>
      setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...change } : l))),
    [],
  );
  const remove = useCallback((key: string) => setLines((ls) => removeLine(ls, key)), []);
  const clear = useCallback(() => setLines([]), []);

  const value = useMemo<CartApi>(
    () => ({ lines, itemCount: cartTotals(lines).itemCount, add, setQuantity: setQty, update, remove, clear, lastAdded }),
    [lines, add, setQty, update, remove, clear, lastAdded],
  );
  return <CartContext.Provider value={value}>{children}</CartContext.Provider>;
}

export function useCart(): CartApi {
  const cart = useContext(CartContext);
  if (!cart) throw new Error('useCart must be used inside <CartProvider>');
  return cart;
}
