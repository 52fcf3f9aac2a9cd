/** Longest address SMTP can carry (RFC 5321 path limit). */
export const EMAIL_MAX_LENGTH = 254;

/**
 * The one spelling of an email the service stores and looks up: trimmed and lower-cased, so
 * `Alice@Example.com ` and `alice@example.com` are one account. (Lower-casing the local part is
 * a deliberate simplification: no mainstream provider treats case there as significant.)
 */
export function normaliseEmail(raw: string): string {
  return raw.trim().toLowerCase();
}
