/** The dashboard's screens and who may open them. The API enforces the same roles; this only hides what would fail. */
export type Section = 'board' | 'today' | 'orders' | 'attention' | 'catalog' | 'stock' | 'store' | 'reviews' | 'operations';

export const SECTIONS: readonly { id: Section; path: string; label: string; roles: readonly string[] }[] = [
  { id: 'board', path: '/admin/board', label: 'Kitchen board', roles: ['admin', 'staff', 'kitchen'] },
  { id: 'today', path: '/admin/today', label: 'Today', roles: ['admin'] },
  { id: 'orders', path: '/admin/orders', label: 'Orders', roles: ['admin', 'staff'] },
  { id: 'attention', path: '/admin/attention', label: 'Needs attention', roles: ['admin', 'staff'] },
  { id: 'catalog', path: '/admin/catalog', label: 'Menu', roles: ['admin'] },
  { id: 'stock', path: '/admin/stock', label: 'Stock', roles: ['admin', 'staff'] },
  { id: 'store', path: '/admin/store', label: 'Store settings', roles: ['admin'] },
  { id: 'reviews', path: '/admin/reviews', label: 'Reviews', roles: ['admin'] },
  { id: 'operations', path: '/admin/operations', label: 'Operations', roles: ['admin'] },
];

export function isStaff(role: string | undefined | null): boolean {
  return Boolean(role) && SECTIONS.some((s) => s.roles.includes(role!));
}

export function sectionsFor(role: string | undefined | null): typeof SECTIONS {
  if (!role) return [];
  return SECTIONS.filter((s) => s.roles.includes(role));
}

export function canOpen(role: string | undefined | null, section: Section): boolean {
  return sectionsFor(role).some((s) => s.id === section);
}
