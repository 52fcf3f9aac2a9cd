import { Body, Controller, HttpCode, HttpStatus, Post, UseFilters, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { Public } from '@galley/auth';
import { LoginRequest, RefreshTokenRequest, RegisterRequest, TokenResponse } from '../dtos/auth.dto';
import { ErrorResponse } from '@galley/platform';
import { mapUser, UserResponse } from '../dtos/user.dto';
import { AccountsService } from '../services/accounts.service';
import { SessionsService } from '../services/sessions.service';
import { UsersErrorFilter } from './users-error.filter';

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
  @ApiOperation({ summary: 'Exchange email and password for an access and a refresh token' })
  @ApiOkResponse({ type: TokenResponse })
  @ApiUnauthorizedResponse({ description: 'Email or password is incorrect (one message for both)', type: ErrorResponse })
  login(@Body() body: LoginRequest): Promise<TokenResponse> {
    return this.sessions.login(body.email, body.password);
  }

  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Rotate a refresh token; a token presented twice revokes its whole family' })
  @ApiOkResponse({ type: TokenResponse })
  @ApiUnauthorizedResponse({ description: 'Invalid, expired, revoked or reused refresh token', type: ErrorResponse })
  refresh(@Body() body: RefreshTokenRequest): Promise<TokenResponse> {
    return this.sessions.refresh(body.refreshToken);
  }

  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'End the sign-in the refresh token belongs to' })
  @ApiNoContentResponse({ description: 'Signed out (also for an unknown token)' })
  async logout(@Body() body: RefreshTokenRequest): Promise<void> {
    await this.sessions.logout(body.refreshToken);
  }
}
