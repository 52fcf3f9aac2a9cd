/**
 * How many live streams (order status, order board) one account holds open on this gateway
 * replica. `acquire` hands out a release function, or undefined once the account is at the limit.
 */
export class AccountStreamLimit {
  private readonly open = new Map<string, number>();

  constructor(private readonly limit: number) {}

  acquire(accountId: string): (() => void) | undefined {
    const count = this.open.get(accountId) ?? 0;
    if (count >= this.limit) return undefined;
    this.open.set(accountId, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(accountId) ?? 1) - 1;
      if (left > 0) this.open.set(accountId, left);
      else this.open.delete(accountId);
    };
  }

  openFor(accountId: string): number {
    return this.open.get(accountId) ?? 0;
  }
}
