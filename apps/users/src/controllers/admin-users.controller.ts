import { Controller, Get, Query, UseFilters } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@galley/auth';
import { ErrorResponse } from '@galley/platform';
import { ListUsersQuery, mapAdminUser, UserPageResponse } from '../dtos/user.dto';
import { AccountsService } from '../services/accounts.service';
import { UsersErrorFilter } from './users-error.filter';

const DEFAULT_PAGE_SIZE = 20;

/** Staff views of the accounts. */
@ApiTags('admin')
@Roles('admin')
@UseFilters(UsersErrorFilter)
@Controller('api/admin/users')
export class AdminUsersController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @ApiOperation({ summary: 'Every account, newest first' })
  @ApiOkResponse({ type: UserPageResponse })
  @ApiBadRequestResponse({ description: 'Bad limit or cursor', type: ErrorResponse })
  async list(@Query() query: ListUsersQuery): Promise<UserPageResponse> {
    const page = await this.accounts.list(query.limit ?? DEFAULT_PAGE_SIZE, query.cursor);
    return { items: page.items.map(mapAdminUser), nextCursor: page.nextCursor };
  }
}
