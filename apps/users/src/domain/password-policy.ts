/** The brief's minimum; OWASP's ASVS asks for at least 8 (12 without MFA). */
export const PASSWORD_MIN_LENGTH = 10;
/** Long passphrases are welcome; past this the input is refused before any hashing work. */
export const PASSWORD_MAX_LENGTH = 256;

/**
 * What is wrong with a new password, in words naming the field (empty when it is acceptable).
 * Length counts characters (code points), not bytes; no composition rules (NIST SP 800-63B).
 */
export function passwordProblems(field: string, password: string, context: { email?: string; current?: string } = {}): string[] {
  const length = [...password].length;
  const problems: string[] = [];
  if (length < PASSWORD_MIN_LENGTH) problems.push(`${field} must be at least ${PASSWORD_MIN_LENGTH} characters long`);
  if (length > PASSWORD_MAX_LENGTH) problems.push(`${field} must be at most ${PASSWORD_MAX_LENGTH} characters long`);
  if (password.trim().length === 0 && length > 0) problems.push(`${field} must not be blank`);
  if (context.email && password.trim().toLowerCase() === context.email.trim().toLowerCase()) {
    problems.push(`${field} must not be the email address`);
  }
  if (context.current !== undefined && password === context.current) problems.push(`${field} must differ from the current password`);
  return problems;
}
