import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SqlExecutor } from '@galley/messaging';
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
export interface UsersTransaction extends UsersRepositories {
  sql: SqlExecutor;
}

function repositoriesOf(manager: EntityManager): UsersRepositories {
  return {
    accounts: new AccountsRepository(manager),
    refreshTokens: new RefreshTokensRepository(manager),
    addresses: new AddressesRepository(manager),
    loginAttempts: new LoginAttemptsRepository(manager),
  };
}

/**
 * The users schema for use cases: `read` outside any transaction, `transaction()` for work that
 * commits together (state and outbox rows). Services never see TypeORM.
 */
@Injectable()
export class UsersStore {
  readonly read: UsersRepositories;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.read = repositoriesOf(dataSource.manager);
  }

  transaction<T>(work: (tx: UsersTransaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work({ ...repositoriesOf(manager), sql: manager }));
  }
}
