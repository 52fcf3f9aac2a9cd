import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AccessTokenIssuer, AuthenticatedUser, generateRefreshToken, hashRefreshToken, looksLikeRefreshToken, orderScope } from '@galley/auth';
import { AuthConfig } from '@galley/config';
import { OutboxWriter } from '@galley/messaging';
import { AUTH_CONFIG } from '../config/auth-config.token';
import { normaliseEmail } from '../domain/email';
import { judgeRefresh } from '../domain/refresh-family';
import { UsersError, UsersErrorCode } from '../domain/users-error';
import { UsersStore, UsersTransaction } from '../repositories/users-store';
import { AccountEntity } from '../schema/account.entity';
import { AccountsService, GuestDetails } from './accounts.service';
import { LoginAttemptsService, LoginClient } from './login-attempts.service';
import { PasswordHasher } from './password-hasher.service';
import { announceSessionsRevoked } from './session-revocations';

export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

/** A password sign-in: the tokens, and the device marker the client keeps (see LoginAttemptsService). */
export interface SignedIn {
  tokens: SessionTokens;
  deviceToken?: string;
}

export interface OrderLink {
  token: string;
  expiresAt: Date;
}

/** What an access token says about an account. */
export function identityOf(account: AccountEntity): AuthenticatedUser {
  const identity: AuthenticatedUser = { id: account.id, email: account.email, role: account.role };
  if (account.guest) identity.guest = true;
  return identity;
}

const INVALID_CREDENTIALS = 'Email or password is incorrect';
const INVALID_REFRESH = 'The refresh token is invalid, expired or revoked';
const MISSING_REFRESH = 'No refresh token: send refreshToken in the body or the galley_refresh cookie';

/** Sign-in (also as a new guest), token refresh with rotation and reuse detection, sign-out, order tracking links. */
@Injectable()
export class SessionsService {
  private readonly logger = new Logger(SessionsService.name);

  constructor(
    private readonly store: UsersStore,
    private readonly hasher: PasswordHasher,
    private readonly attempts: LoginAttemptsService,
    private readonly accounts: AccountsService,
    private readonly issuer: AccessTokenIssuer,
    private readonly outbox: OutboxWriter,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  /**
   * The same answer, after the same work (one argon2 verification), for an unknown email and a
   * wrong password. A hash made with older parameters is upgraded once the password is proven.
   */
  async login(rawEmail: string, password: string, client: LoginClient): Promise<SignedIn> {
    const email = normaliseEmail(rawEmail);
    await this.attempts.admit(email, client);
    const account = await this.store.read.accounts.findByEmail(email);
    const hash = account?.passwordHash;
    const valid = hash ? await this.hasher.verify(hash, password) : await this.hasher.verifyWithoutAccount(password);
    if (!account || !hash || !valid) throw new UsersError(UsersErrorCode.InvalidCredentials, INVALID_CREDENTIALS);
    const deviceToken = await this.attempts.succeeded(email, client, account.id);
    await this.upgradeHash(account, hash, password);
    return { tokens: await this.open(account), deviceToken };
  }

  /** A new guest account and its first sign-in (the refresh token is the only way back into it). */
  async startAsGuest(details: GuestDetails): Promise<SessionTokens> {
    return this.open(await this.accounts.createGuest(details));
  }

  /**
   * A token for the caller's tracking link of one order: the caller's identity, scoped to that
   * order's routes, valid ORDER_LINK_TTL_SECONDS. Whether the order is the caller's is the orders
   * service's to say (it answers 404 for someone else's order), as for any access token.
   */
  async orderLink(caller: AuthenticatedUser, orderId: string): Promise<OrderLink> {
    const identity: AuthenticatedUser = { id: caller.id, email: caller.email, role: 'customer', ...(caller.guest ? { guest: true } : {}) };
    return this.issuer.issueScoped(identity, orderScope(orderId), this.config.ORDER_LINK_TTL_SECONDS);
  }

  /** `refreshToken` is undefined when the request carried none (neither in the body nor as the cookie). */
  async refresh(refreshToken: string | undefined): Promise<SessionTokens> {
    if (refreshToken === undefined) throw new UsersError(UsersErrorCode.InvalidRefreshToken, MISSING_REFRESH);
    if (!looksLikeRefreshToken(refreshToken)) throw new UsersError(UsersErrorCode.InvalidRefreshToken, INVALID_REFRESH);
    const now = new Date();
    const outcome = await this.store.transaction(async (tx) => {
      const token = await tx.refreshTokens.findForUpdate(hashRefreshToken(refreshToken));
      const verdict = judgeRefresh(token, now);
      if (verdict === 'reused') {
        await tx.refreshTokens.revokeFamily(token!.familyId, 'reuse', now);
        await announceSessionsRevoked(this.outbox, tx, { accountId: token!.accountId, sessionIds: [token!.familyId], allSessions: false, reason: 'reuse', at: now });
      }
      if (verdict !== 'rotate') return { verdict, token } as const;
      const account = await tx.accounts.findById(token!.accountId);
      if (!account) return { verdict: 'unknown', token } as const;
      await tx.refreshTokens.markRotated(token!.id, now);
      const next = await this.addToken(tx, token!.familyId, now);
      return { verdict, token, account, next } as const;
    });
    switch (outcome.verdict) {
      case 'rotate':
        return { ...(await this.issuer.issue({ ...identityOf(outcome.account), sessionId: outcome.token!.familyId })), refreshToken: outcome.next };
      case 'reused':
        this.logger.warn({ familyId: outcome.token?.familyId, accountId: outcome.token?.accountId }, 'rotated refresh token presented again; family revoked');
        throw new UsersError(UsersErrorCode.RefreshTokenReused, 'The refresh token was already used; this sign-in has been revoked');
      case 'unknown':
      case 'revoked':
      case 'expired':
        throw new UsersError(UsersErrorCode.InvalidRefreshToken, INVALID_REFRESH);
    }
  }

  /** Ends the sign-in the token belongs to. Unknown tokens are ignored (logout is idempotent). */
  async logout(refreshToken: string | undefined): Promise<void> {
    if (refreshToken === undefined || !looksLikeRefreshToken(refreshToken)) return;
    const now = new Date();
    await this.store.transaction(async (tx) => {
      const revoked = await tx.refreshTokens.revokeFamilyOfToken(hashRefreshToken(refreshToken), 'logout', now);
      if (revoked) await announceSessionsRevoked(this.outbox, tx, { accountId: revoked.accountId, sessionIds: [revoked.familyId], allSessions: false, reason: 'logout', at: now });
    });
  }

  /** A new sign-in for a proven account: a new family with its first refresh token, and an access token. */
  private async open(account: AccountEntity): Promise<SessionTokens> {
    const now = new Date();
    const refreshToken = await this.store.transaction(async (tx) => {
      const familyId = randomUUID();
      await tx.refreshTokens.createFamily(familyId, account.id, now);
      return { familyId, token: await this.addToken(tx, familyId, now) };
    });
    return { ...(await this.issuer.issue({ ...identityOf(account), sessionId: refreshToken.familyId })), refreshToken: refreshToken.token };
  }

  private async addToken(tx: UsersTransaction, familyId: string, now: Date): Promise<string> {
    const token = generateRefreshToken();
    await tx.refreshTokens.insertToken({
      id: randomUUID(),
      familyId,
      tokenHash: hashRefreshToken(token),
      at: now,
      expiresAt: new Date(now.getTime() + this.config.REFRESH_TOKEN_TTL_SECONDS * 1000),
    });
    return token;
  }

  private async upgradeHash(account: AccountEntity, verifiedHash: string, password: string): Promise<void> {
    if (!this.hasher.needsRehash(verifiedHash)) return;
    const upgraded = await this.hasher.hash(password);
    if (await this.store.read.accounts.replacePasswordHash(account.id, verifiedHash, upgraded)) {
      this.logger.log({ accountId: account.id, parameters: this.hasher.parameters }, 'password hash upgraded to the current parameters');
    }
  }
}
