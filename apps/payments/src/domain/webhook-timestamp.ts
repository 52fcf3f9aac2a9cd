/** How far a Stripe-Signature timestamp may be from now, either way (the SDK's default tolerance). */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/**
 * Whether the `t=` of a Stripe-Signature header is further in the future than the tolerance.
 * The SDK's constructEvent refuses only timestamps too far in the past, so an event signed with
 * a date ahead (a leaked secret, a replay window stretched by a skewed signer) would pass.
 * A header without a readable timestamp is left to constructEvent, which refuses it.
 */
export function signedInTheFuture(signatureHeader: string, now: Date, toleranceSeconds = WEBHOOK_TOLERANCE_SECONDS): boolean {
  const match = /(?:^|,)\s*t=(\d{1,12})(?:,|$)/.exec(signatureHeader);
  if (!match) return false;
  return Number(match[1]) > Math.floor(now.getTime() / 1000) + toleranceSeconds;
}
