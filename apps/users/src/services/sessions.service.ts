import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AccessTokenIssuer, generateRefreshToken, hashRefreshToken, looksLikeRefreshToken } from '@galley/auth';
import { AuthConfig } from '@galley/config';
import { AUTH_CONFIG } from '../config/auth-config.token';
import { normaliseEmail } from '../domain/email';
import { judgeRefresh } from '../domain/refresh-family';
import { UsersError, UsersErrorCode } from '../domain/users-error';
import { UsersStore, UsersTransaction } from '../repositories/users-store';
import { AccountEntity } from '../schema/account.entity';
import { LoginAttemptsService } from './login-attempts.service';
import { PasswordHasher } from './password-hasher.service';

export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

const INVALID_CREDENTIALS = 'Email or password is incorrect';
const INVALID_REFRESH = 'The refresh token is invalid, expired or revoked';

/** Sign-in, token refresh with rotation and reuse detection, and sign-out. */
@Injectable()
export class SessionsService {
  private readonly logger = new Logger(SessionsService.name);

  constructor(
    private readonly store: UsersStore,
    private readonly hasher: PasswordHasher,
    private readonly attempts: LoginAttemptsService,
    private readonly issuer: AccessTokenIssuer,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  /**
   * The same answer, after the same work (one argon2 verification), for an unknown email and a
   * wrong password. A hash made with older parameters is upgraded once the password is proven.
   */
  async login(rawEmail: string, password: string): Promise<SessionTokens> {
    const email = normaliseEmail(rawEmail);
    await this.attempts.admit(email);
    const account = await this.store.read.accounts.findByEmail(email);
    const valid = account ? await this.hasher.verify(account.passwordHash, password) : await this.hasher.verifyWithoutAccount(password);
    if (!account || !valid) throw new UsersError(UsersErrorCode.InvalidCredentials, INVALID_CREDENTIALS);
    await this.attempts.succeeded(email);
    await this.upgradeHash(account, password);
    return this.open(account);
  }

  async refresh(refreshToken: string): Promise<SessionTokens> {
    if (!looksLikeRefreshToken(refreshToken)) throw new UsersError(UsersErrorCode.InvalidRefreshToken, INVALID_REFRESH);
    const now = new Date();
    const outcome = await this.store.transaction(async (tx) => {
      const token = await tx.refreshTokens.findForUpdate(hashRefreshToken(refreshToken));
      const verdict = judgeRefresh(token, now);
      if (verdict === 'reused') await tx.refreshTokens.revokeFamily(token!.familyId, 'reuse', now);
      if (verdict !== 'rotate') return { verdict, token } as const;
      const account = await tx.accounts.findById(token!.accountId);
      if (!account) return { verdict: 'unknown', token } as const;
      await tx.refreshTokens.markRotated(token!.id, now);
      const next = await this.addToken(tx, token!.familyId, now);
      return { verdict, token, account, next } as const;
    });
    switch (outcome.verdict) {
      case 'rotate':
        return { ...(await this.issuer.issue(outcome.account)), refreshToken: outcome.next };
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
  async logout(refreshToken: string): Promise<void> {
    if (!looksLikeRefreshToken(refreshToken)) return;
    await this.store.read.refreshTokens.revokeFamilyOfToken(hashRefreshToken(refreshToken), 'logout', new Date());
  }

  /** A new sign-in for a proven account: a new family with its first refresh token, and an access token. */
  private async open(account: AccountEntity): Promise<SessionTokens> {
    const now = new Date();
    const refreshToken = await this.store.transaction(async (tx) => {
      const familyId = randomUUID();
      await tx.refreshTokens.createFamily(familyId, account.id, now);
      return this.addToken(tx, familyId, now);
    });
    return { ...(await this.issuer.issue(account)), refreshToken };
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

  private async upgradeHash(account: AccountEntity, password: string): Promise<void> {
    if (!this.hasher.needsRehash(account.passwordHash)) return;
    const upgraded = await this.hasher.hash(password);
    if (await this.store.read.accounts.replacePasswordHash(account.id, account.passwordHash, upgraded)) {
      this.logger.log({ accountId: account.id, parameters: this.hasher.parameters }, 'password hash upgraded to the current parameters');
    }
  }
}
