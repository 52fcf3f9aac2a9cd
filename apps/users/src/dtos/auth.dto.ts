import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { EMAIL_MAX_LENGTH } from '../domain/email';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../domain/password-policy';
import { Bool, Text, Trim, Uuid } from '@galley/platform';

export const NAME_MAX_LENGTH = 200;

export class RegisterRequest {
  @ApiProperty({ example: 'alice@example.com', maxLength: EMAIL_MAX_LENGTH, description: 'Trimmed and lower-cased; unique' })
  @Trim()
  @IsEmail()
  @MaxLength(EMAIL_MAX_LENGTH)
  email: string;

  @ApiProperty({ example: 'correct horse battery', minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: `password must be at least ${PASSWORD_MIN_LENGTH} characters long` })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;

  @Text({ max: NAME_MAX_LENGTH, example: 'Alice' }) name: string;
}

const COOKIE_DESCRIPTION =
  'Browsers: set the refresh token as the httpOnly cookie `galley_refresh` (Secure, SameSite=Strict, Path=/api/auth) ' +
  'instead of returning it in the body, so page scripts never see it';
const REFRESH_TOKEN_EXAMPLE = 'u6Zq1mY0c3p8Qe7sLk2vN9wXa4bT5rJ0dF1gH2iK3lM';

export class LoginRequest {
  @Text({ max: EMAIL_MAX_LENGTH, trim: false, example: 'alice@example.com' }) email: string;
  @Text({ max: 1024, trim: false, example: 'correct horse battery' }) password: string;

  @Bool({ optional: true, default: false, example: true, description: COOKIE_DESCRIPTION }) cookie?: boolean;
}

export class RefreshTokenRequest {
  @Text({
    max: 512,
    trim: false,
    optional: true,
    example: REFRESH_TOKEN_EXAMPLE,
    description: 'The opaque refresh token from login or the previous refresh; when absent, the `galley_refresh` cookie is used',
  })
  refreshToken?: string;

  @Bool({ optional: true, default: false, example: true, description: `${COOKIE_DESCRIPTION}. A token read from the cookie is always rotated back into the cookie` })
  cookie?: boolean;
}

export class LogoutRequest {
  @Text({ max: 512, trim: false, optional: true, example: REFRESH_TOKEN_EXAMPLE, description: 'The refresh token to end; when absent, the `galley_refresh` cookie is used' })
  refreshToken?: string;
}

export class GuestRequest {
  @Text({ max: NAME_MAX_LENGTH, optional: true, example: 'Alice', description: 'Display name; "Guest" when absent' }) name?: string;

  @ApiPropertyOptional({
    example: 'alice@example.com',
    maxLength: EMAIL_MAX_LENGTH,
    description: 'Contact address for the order; trimmed and lower-cased, need not be unique (nobody signs in with it)',
  })
  @IsOptional()
  @Trim()
  @IsEmail()
  @MaxLength(EMAIL_MAX_LENGTH)
  email?: string;

  @Bool({ optional: true, default: false, example: true, description: COOKIE_DESCRIPTION }) cookie?: boolean;
}

export class TokenResponse {
  @ApiProperty({ description: 'EdDSA-signed JWT for `Authorization: Bearer`' })
  accessToken: string;

  @ApiPropertyOptional({
    example: REFRESH_TOKEN_EXAMPLE,
    description: 'Opaque, single use: each refresh returns the next one. Absent when it was set as the `galley_refresh` cookie',
  })
  refreshToken?: string;

  @ApiProperty({ example: 900, description: 'Seconds until the access token expires' })
  expiresIn: number;
}

export class OrderLinkRequest {
  @Uuid({ example: '0b6d7c1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e', description: "One of the caller's orders" }) orderId: string;
}

export class OrderLinkResponse {
  @ApiProperty({
    description:
      'EdDSA-signed JWT (same keys and type as access tokens) with `scope: "order:<orderId>"`: accepted as a bearer token ' +
      '(or `?access_token=` on the stream) only by GET /api/orders/{id}, GET /api/orders/{id}/payment, ' +
      'GET /api/orders/{id}/stream and POST /api/orders/{id}/cancel of that order; 403 everywhere else',
  })
  token: string;

  @ApiProperty({ format: 'date-time', example: '2027-01-01T12:00:00.000Z' })
  expiresAt: string;
}
