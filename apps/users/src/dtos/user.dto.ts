import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { ROLES, Role } from '@galley/auth';
import { PageQuery, Text } from '@galley/platform';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../domain/password-policy';
import { AccountEntity } from '../schema/account.entity';
import { NAME_MAX_LENGTH, RegisterRequest } from './auth.dto';

export class UserResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, nullable: true, example: 'alice@example.com', description: 'Null only for a guest that gave no email' })
  email: string | null;

  @ApiProperty({ example: 'Alice' })
  name: string;

  @ApiProperty({ enum: ROLES, example: 'customer' })
  role: Role;

  @ApiProperty({ example: false, description: 'A guest account (checkout without registering): no password; POST /api/users/me/upgrade makes it a full account' })
  guest: boolean;
}

export function mapUser(account: AccountEntity): UserResponse {
  return { id: account.id, email: account.email, name: account.name, role: account.role, guest: account.guest };
}

export class AdminUserResponse extends UserResponse {
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export function mapAdminUser(account: AccountEntity): AdminUserResponse {
  return { ...mapUser(account), createdAt: account.createdAt.toISOString() };
}

export class UserPageResponse {
  @ApiProperty({ type: [AdminUserResponse] })
  items: AdminUserResponse[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last one' })
  nextCursor: string | null;
}

export class ListUsersQuery extends PageQuery {}

export class UpdateProfileRequest {
  @Text({ max: NAME_MAX_LENGTH, example: 'Alice Liddell' }) name: string;
}

export class ChangePasswordRequest {
  @Text({ max: 1024, trim: false }) currentPassword: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  newPassword: string;
}

/** The email, password and name that turn a guest into a full account (the rules of registration). */
export class UpgradeGuestRequest extends RegisterRequest {}
