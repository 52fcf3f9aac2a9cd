import { ArrayMaxSize, IsBoolean, IsIn, IsISO8601, IsUUID } from 'class-validator';
import { defineEvent } from '../../contract';
import { TOPICS } from '../../topics';

export const SESSION_REVOCATION_REASONS_V1 = ['logout', 'password-change', 'reuse'] as const;
export type SessionRevocationReasonV1 = (typeof SESSION_REVOCATION_REASONS_V1)[number];

export class SessionRevokedV1 {
  @IsUUID()
  accountId!: string;

  /** The sign-ins (refresh token families, the `sid` of their access tokens) that ended. */
  @IsUUID('all', { each: true })
  @ArrayMaxSize(10000)
  sessionIds!: string[];

  /** True when every sign-in of the account ended (a password change), also tokens without a session. */
  @IsBoolean()
  allSessions!: boolean;

  @IsIn(SESSION_REVOCATION_REASONS_V1)
  reason!: SessionRevocationReasonV1;

  @IsISO8601({ strict: true })
  revokedAt!: string;
}

export const sessionRevokedV1 = defineEvent({
  type: 'session.revoked',
  version: 1,
  topic: TOPICS.users,
  producer: 'users',
  consumers: ['gateway'],
  description:
    'Sign-ins of an account ended: a logout (one session), a password change (all of them) or a refresh token presented ' +
    'twice (its family). Access tokens stay valid until they expire; the gateway ends the live streams (SSE) opened with ' +
    'tokens of these sessions, or every stream of the account when `allSessions`.',
  payload: SessionRevokedV1,
});
