import { messagingTablesV1Migration } from '@galley/messaging';
import { ServiceSchema } from '@galley/platform';
import { AccountEntity } from './account.entity';
import { AddressEntity } from './address.entity';
import { LoginAttemptEntity } from './login-attempt.entity';
import { LoginDeviceEntity } from './login-device.entity';
import { RefreshTokenFamilyEntity } from './refresh-token-family.entity';
import { RateLimitHitEntity } from './rate-limit-hit.entity';
import { RefreshTokenEntity } from './refresh-token.entity';
import { UsersAccounts1795617802551 } from './users-accounts.migration';
import { UsersGuestAccounts1796179921248 } from './users-guest-accounts.migration';
import { UsersLoginClients1796500000000 } from './users-login-clients.migration';
import { UsersSharedRateLimit1796400000000 } from './users-shared-rate-limit.migration';

/** Everything TypeORM knows about the `users` schema: its entities and its ordered migrations. */
export const usersSchema: ServiceSchema = {
  entities: [AccountEntity, RefreshTokenFamilyEntity, RefreshTokenEntity, AddressEntity, LoginAttemptEntity, RateLimitHitEntity, LoginDeviceEntity],
  migrations: [messagingTablesV1Migration('users'), UsersAccounts1795617802551, UsersGuestAccounts1796179921248, UsersSharedRateLimit1796400000000, UsersLoginClients1796500000000],
};
