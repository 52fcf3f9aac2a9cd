import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SchemaStore, StoreTransaction } from '@galley/platform';
import { AccountsRepository } from './accounts.repository';
import { AddressesRepository } from './addresses.repository';
import { LoginAttemptsRepository } from './login-attempts.repository';
import { RefreshTokensRepository } from './refresh-tokens.repository';

export interface UsersRepositories {
  accounts: AccountsRepository;
  refreshTokens: RefreshTokensRepository;
  addresses: AddressesRepository;
  loginAttempts: LoginAttemptsRepository;
}

/** The repositories bound to one transaction, and the executor the outbox writes through. */
export type UsersTransaction = StoreTransaction<UsersRepositories>;

function repositoriesOf(manager: EntityManager): UsersRepositories {
  return {
    accounts: new AccountsRepository(manager),
    refreshTokens: new RefreshTokensRepository(manager),
    addresses: new AddressesRepository(manager),
    loginAttempts: new LoginAttemptsRepository(manager),
  };
}

/** The users schema for use cases (see SchemaStore). */
@Injectable()
export class UsersStore extends SchemaStore<UsersRepositories> {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource, repositoriesOf);
  }
}
