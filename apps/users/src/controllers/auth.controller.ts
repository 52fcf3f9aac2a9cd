import { Body, Controller, HttpCode, HttpStatus, Inject, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { Public } from '@galley/auth';
import { AuthConfig } from '@galley/config';
import { ErrorResponse } from '@galley/platform';
import { AUTH_CONFIG } from '../config/auth-config.token';
import { deviceCookie } from '../domain/device-cookie';
import { clearedRefreshCookie, cookieValue, REFRESH_COOKIE_NAME, refreshCookie } from '../domain/refresh-cookie';
import { GuestRequest, LoginRequest, LogoutRequest, RefreshTokenRequest, RegisterRequest, TokenResponse } from '../dtos/auth.dto';
import { mapUser, UserResponse } from '../dtos/user.dto';
import { AccountsService } from '../services/accounts.service';
import { SessionsService, SessionTokens } from '../services/sessions.service';
import { loginClientOf } from './login-client';
import { UsersErrorFilter } from './users-error.filter';

const SET_COOKIE_HEADER = {
  'Set-Cookie': {
    description:
      'With `cookie: true` (or a token read from the cookie): `galley_refresh=<token>; HttpOnly; Secure; SameSite=Strict; Path=/api/auth; Max-Age=<refresh token lifetime>`',
    schema: { type: 'string' },
  },
} as const;

/** Registration and sessions; public, and rate-limited per client address. */
@ApiTags('auth')
@ApiTooManyRequestsResponse({ description: 'Rate limited; see Retry-After', type: ErrorResponse })
@Public()
@UseGuards(ThrottlerGuard)
@UseFilters(UsersErrorFilter)
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly sessions: SessionsService,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  @Post('register')
  @ApiOperation({ summary: 'Create a customer account' })
  @ApiCreatedResponse({ type: UserResponse })
  @ApiBadRequestResponse({ description: 'A field is invalid (e.g. password under 10 characters)', type: ErrorResponse })
  @ApiConflictResponse({ description: 'The email is taken', type: ErrorResponse })
  async register(@Body() body: RegisterRequest): Promise<UserResponse> {
    return mapUser(await this.accounts.register(body));
  }

  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Exchange email and password for an access and a refresh token (the refresh token as an httpOnly cookie with `cookie: true`)' })
  @ApiOkResponse({
    type: TokenResponse,
    headers: {
      'Set-Cookie': {
        description:
          'The device marker, `galley_device=<token>; HttpOnly; Secure; SameSite=Strict; Path=/api/auth/login; Max-Age=31536000` (failed logins from other clients never slow a device that signed in before), and with `cookie: true` the refresh token cookie as for the other routes',
        schema: { type: 'string' },
      },
    },
  })
  @ApiUnauthorizedResponse({ description: 'Email or password is incorrect (one message for both)', type: ErrorResponse })
  @ApiTooManyRequestsResponse({
    description: 'Rate limited, or this client is slowed down after failed logins of the email (the delay doubles per failure); see Retry-After',
    type: ErrorResponse,
  })
  async login(@Body() body: LoginRequest, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<TokenResponse> {
    const signedIn = await this.sessions.login(body.email, body.password, loginClientOf(req));
    if (signedIn.deviceToken) res.append('Set-Cookie', deviceCookie(signedIn.deviceToken));
    return this.deliver(signedIn.tokens, body.cookie === true, res);
  }

  @Post('guest')
  @ApiOperation({
    summary: 'Start a guest checkout: a new customer account without a password, signed in',
    description: 'Nobody can sign in to a guest with a password; keep its refresh token (best as the cookie) and upgrade it with POST /api/users/me/upgrade.',
  })
  @ApiCreatedResponse({ type: TokenResponse, headers: SET_COOKIE_HEADER })
  @ApiBadRequestResponse({ description: 'A field is invalid (e.g. a malformed email)', type: ErrorResponse })
  async guest(@Body() body: GuestRequest, @Res({ passthrough: true }) res: Response): Promise<TokenResponse> {
    return this.deliver(await this.sessions.startAsGuest({ name: body.name, email: body.email }), body.cookie === true, res);
  }

  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Rotate a refresh token; a token presented twice revokes its whole family',
    description: 'The token comes from the body, else from the `galley_refresh` cookie; a token from the cookie (or with `cookie: true`) is rotated back into the cookie.',
  })
  @ApiHeader({ name: 'Cookie', required: false, description: '`galley_refresh=<token>` when the body has no refreshToken' })
  @ApiOkResponse({ type: TokenResponse, headers: SET_COOKIE_HEADER })
  @ApiUnauthorizedResponse({ description: 'No refresh token, or an invalid, expired, revoked or reused one', type: ErrorResponse })
  async refresh(@Body() body: RefreshTokenRequest, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<TokenResponse> {
    const fromCookie = body.refreshToken === undefined;
    let tokens: SessionTokens;
    try {
      tokens = await this.sessions.refresh(body.refreshToken ?? cookieValue(req.headers.cookie, REFRESH_COOKIE_NAME));
    } catch (error) {
      // A cookie that no longer works is of no use to the browser.
      if (fromCookie) res.append('Set-Cookie', clearedRefreshCookie());
      throw error;
    }
    return this.deliver(tokens, fromCookie || body.cookie === true, res);
  }

  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'End the sign-in the refresh token (body, else the `galley_refresh` cookie) belongs to; always clears the cookie' })
  @ApiHeader({ name: 'Cookie', required: false, description: '`galley_refresh=<token>` when the body has no refreshToken' })
  @ApiNoContentResponse({
    description: 'Signed out (also for an unknown or missing token)',
    headers: { 'Set-Cookie': { description: '`galley_refresh=; ...; Max-Age=0`', schema: { type: 'string' } } },
  })
  async logout(@Body() body: LogoutRequest, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    res.append('Set-Cookie', clearedRefreshCookie());
    await this.sessions.logout(body.refreshToken ?? cookieValue(req.headers.cookie, REFRESH_COOKIE_NAME));
  }

  /** The tokens as the body, or the access token as the body and the refresh token as the cookie. */
  private deliver(tokens: SessionTokens, asCookie: boolean, res: Response): TokenResponse {
    if (!asCookie) return tokens;
    res.append('Set-Cookie', refreshCookie(tokens.refreshToken, this.config.REFRESH_TOKEN_TTL_SECONDS));
    return { accessToken: tokens.accessToken, expiresIn: tokens.expiresIn };
  }
}
