/** Injection token of the payments service's `PaymentsConfig`. */
export const PAYMENTS_CONFIG = Symbol('PAYMENTS_CONFIG');
