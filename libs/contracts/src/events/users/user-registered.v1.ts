import { IsEmail, IsIn, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { defineEvent } from '../../contract';
import { TOPICS } from '../../topics';

export const USER_ROLES_V1 = ['customer', 'admin'] as const;
export type UserRoleV1 = (typeof USER_ROLES_V1)[number];

export class UserRegisteredV1 {
  @IsUUID()
  userId!: string;

  @IsEmail()
  email!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @IsIn(USER_ROLES_V1)
  role!: UserRoleV1;
}

export const userRegisteredV1 = defineEvent({
  type: 'user.registered',
  version: 1,
  topic: TOPICS.users,
  producer: 'users',
  consumers: [],
  description:
    'An account was created (self-registration or the start-up admin). No service needs it yet; it is published so ' +
    'that a future read-model (notifications, reviewer names) can be built without touching the users service.',
  payload: UserRegisteredV1,
});
