/** The roles of an account. An admin may do everything a customer may (the roles are ordered). */
export const ROLES = ['customer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const RANK: Readonly<Record<Role, number>> = { customer: 0, admin: 1 };

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** True when an account with `role` may call a route that needs any of `required`. */
export function roleSatisfies(role: Role, required: readonly Role[]): boolean {
  return required.length === 0 || required.some((needed) => RANK[role] >= RANK[needed]);
}
