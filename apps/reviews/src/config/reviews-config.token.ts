/** Injection token of the reviews service's `ReviewsConfig`. */
export const REVIEWS_CONFIG = Symbol('REVIEWS_CONFIG');
