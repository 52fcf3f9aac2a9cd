/** Enough for home, work and a few others; bounds what one account can store. */
export const MAX_ADDRESSES_PER_ACCOUNT = 20;

export function canAddAddress(existing: number): boolean {
  return existing < MAX_ADDRESSES_PER_ACCOUNT;
}

/** ISO 3166-1 alpha-2 codes are stored upper-case. */
export function normaliseCountry(code: string): string {
  return code.trim().toUpperCase();
}
