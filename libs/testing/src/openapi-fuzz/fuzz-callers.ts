import { randomUUID } from 'node:crypto';
import { AccessTokenIssuer, generateSigningJwk, parseSigningKey, Role } from '@galley/auth';
import { FuzzCaller } from './fuzz-requests';

/** The signing key the fuzz run's users service signs with (JWT_PRIVATE_KEY), so the run can mint tokens too. */
export async function fuzzSigningKey(): Promise<string> {
  return JSON.stringify(await generateSigningJwk());
}

export interface FuzzAccounts {
  /** The users service's signing key (the JWK text given to it as JWT_PRIVATE_KEY). */
  signingKey: string;
  customer: { id: string; email: string; token: string };
  admin: { id: string; email: string; token: string };
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * Every kind of caller the fuzz sends as: anonymous, a signed-in customer and admin, and tokens
 * that must count for nothing (expired, signed with another key, `alg: none`, a tampered payload,
 * a role that does not exist, garbage, another scheme), plus a well-signed token of an account
 * that does not exist (the gateway lets it in as a customer; the services must cope).
 */
export async function fuzzCallers(accounts: FuzzAccounts): Promise<FuzzCaller[]> {
  const realKey = await parseSigningKey(accounts.signingKey);
  const otherKey = await parseSigningKey(JSON.stringify({ ...(await generateSigningJwk()), kid: realKey.kid }));
  const hourAgo = () => Date.now() - 3_600_000;
  const user = (role: string, id = accounts.customer.id) => ({ id, email: accounts.customer.email, role: role as Role });
  const expired = (await new AccessTokenIssuer(realKey, 60, [], hourAgo).issue(user('admin', accounts.admin.id))).accessToken;
  const forged = (await new AccessTokenIssuer(otherKey, 900).issue(user('admin', accounts.admin.id))).accessToken;
  const staff = (await new AccessTokenIssuer(realKey, 900).issue(user('staff'))).accessToken;
  const stranger = (await new AccessTokenIssuer(realKey, 900).issue({ id: randomUUID(), email: `ghost-${randomUUID()}@galley.test`, role: 'customer' })).accessToken;
  const [header, , signature] = accounts.customer.token.split('.');
  const tampered = `${header}.${b64({ sub: accounts.admin.id, role: 'admin', iss: 'galley', aud: 'galley-api', exp: 4102444800, iat: 1 })}.${signature}`;
  const none = `${b64({ alg: 'none', typ: 'at+jwt' })}.${b64({ sub: accounts.admin.id, role: 'admin', iss: 'galley', aud: 'galley-api', exp: 4102444800 })}.`;
  const bearer = (token: string) => `Bearer ${token}`;
  return [
    // The real callers several times over, so most requests get past the gateway.
    ...Array.from({ length: 2 }, () => ({ name: 'anonymous' })),
    ...Array.from({ length: 3 }, () => ({ name: 'customer', authorization: bearer(accounts.customer.token), role: 'customer' })),
    ...Array.from({ length: 5 }, () => ({ name: 'admin', authorization: bearer(accounts.admin.token), role: 'admin' })),
    { name: 'an expired admin token', authorization: bearer(expired) },
    { name: 'an admin token signed with another key', authorization: bearer(forged) },
    { name: 'a token with the role "staff"', authorization: bearer(staff) },
    { name: 'a tampered customer token claiming admin', authorization: bearer(tampered) },
    { name: 'an alg none token', authorization: bearer(none) },
    { name: 'a garbage token', authorization: 'Bearer not.a.jwt' },
    { name: 'Basic credentials', authorization: `Basic ${Buffer.from(`${accounts.admin.email}:x`).toString('base64')}` },
    { name: 'an empty Bearer', authorization: 'Bearer ' },
    { name: "a valid token of an account that doesn't exist", authorization: bearer(stranger), role: 'customer' },
  ];
}
