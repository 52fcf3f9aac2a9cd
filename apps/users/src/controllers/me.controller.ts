import { Body, Controller, Get, HttpCode, HttpStatus, Patch, Post, UseFilters } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser } from '@galley/auth';
import { ErrorResponse } from '@galley/platform';
import { ChangePasswordRequest, mapUser, UpdateProfileRequest, UserResponse } from '../dtos/user.dto';
import { AccountsService } from '../services/accounts.service';
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
  async changePassword(@CurrentUser() user: AuthenticatedUser, @Body() body: ChangePasswordRequest): Promise<void> {
    await this.accounts.changePassword(user.id, body.currentPassword, body.newPassword);
  }
}
