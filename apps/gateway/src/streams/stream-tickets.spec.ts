import { StreamTickets } from './stream-tickets';

describe(StreamTickets.name, () => {
  let clock = 1_000_000;
  const sut = () => new StreamTickets('a-shared-secret-of-the-replicas', 60_000, () => clock);

  beforeEach(() => {
    clock = 1_000_000;
  });

  it('gives back the access token once, expiring a minute after it was issued', () => {
    const tickets = sut();
    const issued = tickets.issue('the.access.token');
    expect(issued.expiresAt).toBe(new Date(1_060_000).toISOString());
    expect(issued.ticket).not.toContain('the.access.token');
    expect(tickets.redeem(issued.ticket)).toBe('the.access.token');
    expect(tickets.redeem(issued.ticket)).toBeUndefined();
  });

  it('opens at another replica with the same secret, but not with another secret', () => {
    const issued = sut().issue('token-a');
    expect(sut().redeem(issued.ticket)).toBe('token-a');
    expect(new StreamTickets('another-secret', 60_000, () => clock).redeem(issued.ticket)).toBeUndefined();
  });

  it('refuses an expired ticket', () => {
    const tickets = sut();
    const issued = tickets.issue('token-b');
    clock += 60_000;
    expect(tickets.redeem(issued.ticket)).toBeUndefined();
  });

  it.each([
    ['garbage', 'not a ticket'],
    ['too short', 'AAAA'],
    ['an access token', 'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ4In0.c2ln'],
  ])('refuses %s', (_case, value) => {
    expect(sut().redeem(value)).toBeUndefined();
  });

  it('refuses a ticket with one byte changed', () => {
    const tickets = sut();
    const { ticket } = tickets.issue('token-c');
    const bytes = Buffer.from(ticket, 'base64url');
    bytes[20] ^= 1;
    expect(tickets.redeem(bytes.toString('base64url'))).toBeUndefined();
    expect(tickets.redeem(ticket)).toBe('token-c');
  });

  it('forgets redeemed ids once their tickets have expired', () => {
    const tickets = sut();
    for (let i = 0; i < 3; i += 1) tickets.redeem(tickets.issue(`t${i}`).ticket);
    clock += 61_000;
    tickets.redeem(tickets.issue('later').ticket);
    expect((tickets as unknown as { redeemed: Map<string, number> }).redeemed.size).toBe(1);
  });
});
