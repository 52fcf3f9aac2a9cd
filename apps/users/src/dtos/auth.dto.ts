import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { EMAIL_MAX_LENGTH } from '../domain/email';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../domain/password-policy';
import { Trim } from '@galley/platform';

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

  @ApiProperty({ example: 'Alice', maxLength: NAME_MAX_LENGTH })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(NAME_MAX_LENGTH)
  name: string;
}

const COOKIE_DESCRIPTION =
  'Browsers: set the refresh token as the httpOnly cookie `galley_refresh` (Secure, SameSite=Strict, Path=/api/auth) ' +
  'instead of returning it in the body, so page scripts never see it';
const REFRESH_TOKEN_EXAMPLE = 'u6Zq1mY0c3p8Qe7sLk2vN9wXa4bT5rJ0dF1gH2iK3lM';

export class LoginRequest {
  @ApiProperty({ example: 'alice@example.com' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(EMAIL_MAX_LENGTH)
  email: string;

  @ApiProperty({ example: 'correct horse battery' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  password: string;

  @ApiPropertyOptional({ example: true, default: false, description: COOKIE_DESCRIPTION })
  @IsOptional()
  @IsBoolean()
  cookie?: boolean;
}

export class RefreshTokenRequest {
  @ApiPropertyOptional({
    example: REFRESH_TOKEN_EXAMPLE,
    description: 'The opaque refresh token from login or the previous refresh; when absent, the `galley_refresh` cookie is used',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(512)
  refreshToken?: string;

  @ApiPropertyOptional({
    example: true,
    default: false,
    description: `${COOKIE_DESCRIPTION}. A token read from the cookie is always rotated back into the cookie`,
  })
  @IsOptional()
  @IsBoolean()
  cookie?: boolean;
}

export class LogoutRequest {
  @ApiPropertyOptional({ example: REFRESH_TOKEN_EXAMPLE, description: 'The refresh token to end; when absent, the `galley_refresh` cookie is used' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(512)
  refreshToken?: string;
}

export class GuestRequest {
  @ApiPropertyOptional({ example: 'Alice', maxLength: NAME_MAX_LENGTH, description: 'Display name; "Guest" when absent' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(NAME_MAX_LENGTH)
  name?: string;

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

  @ApiPropertyOptional({ example: true, default: false, description: COOKIE_DESCRIPTION })
  @IsOptional()
  @IsBoolean()
  cookie?: boolean;
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
  @ApiProperty({ format: 'uuid', example: '0b6d7c1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e', description: 'One of the caller\'s orders' })
  @IsUUID()
  orderId: string;
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
