import { Body, Controller, Get, HttpCode, HttpStatus, Patch, Post, Req, UseFilters, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request } from 'express';
import { AuthenticatedUser, CurrentUser } from '@galley/auth';
import { ErrorResponse } from '@galley/platform';
import { ChangePasswordRequest, mapUser, UpdateProfileRequest, UpgradeGuestRequest, UserResponse } from '../dtos/user.dto';
import { AccountsService } from '../services/accounts.service';
import { loginClientOf } from './login-client';
import { UsersErrorFilter } from './users-error.filter';

/** The caller's own account. */
@ApiTags('users')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Missing, invalid or expired access token', type: ErrorResponse })
@UseFilters(UsersErrorFilter)
@Controller('api/users/me')
export class MeController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @ApiOperation({ summary: 'The signed-in account' })
  @ApiOkResponse({ type: UserResponse })
  async me(@CurrentUser() user: AuthenticatedUser): Promise<UserResponse> {
    return mapUser(await this.accounts.profile(user.id));
  }

  @Patch()
  @ApiOperation({ summary: 'Change the display name' })
  @ApiOkResponse({ type: UserResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  async update(@CurrentUser() user: AuthenticatedUser, @Body() body: UpdateProfileRequest): Promise<UserResponse> {
    return mapUser(await this.accounts.rename(user.id, body.name));
  }

  @Post('password')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Change the password; ends every sign-in (refresh family) of the account' })
  @ApiNoContentResponse({ description: 'Changed; every refresh token of the account is revoked' })
  @ApiBadRequestResponse({ description: 'Wrong current password, or the new one breaks the policy', type: ErrorResponse })
  @ApiTooManyRequestsResponse({ description: 'Too many wrong current passwords; see Retry-After', type: ErrorResponse })
  @ApiConflictResponse({ description: 'A guest account has no password (upgrade it first)', type: ErrorResponse })
  async changePassword(@CurrentUser() user: AuthenticatedUser, @Body() body: ChangePasswordRequest, @Req() req: Request): Promise<void> {
    await this.accounts.changePassword(user.id, body.currentPassword, body.newPassword, loginClientOf(req));
  }

  @Post('upgrade')
  @HttpCode(HttpStatus.OK)
  @UseGuards(ThrottlerGuard)
  @ApiOperation({
    summary: 'Turn the signed-in guest into a full account (same id: its orders stay its own)',
    description: 'Its sign-ins continue; refresh to get an access token with the new email.',
  })
  @ApiOkResponse({ type: UserResponse })
  @ApiBadRequestResponse({ description: 'A field is invalid (e.g. password under 10 characters)', type: ErrorResponse })
  @ApiConflictResponse({ description: 'The email is taken, or the account is not a guest', type: ErrorResponse })
  @ApiTooManyRequestsResponse({ description: 'Rate limited; see Retry-After', type: ErrorResponse })
  async upgrade(@CurrentUser() user: AuthenticatedUser, @Body() body: UpgradeGuestRequest): Promise<UserResponse> {
    return mapUser(await this.accounts.upgradeGuest(user.id, body));
  }
}
