import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AccountsService } from './accounts.service';

/** Creates the configured admin account at start-up when it is missing. */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  constructor(private readonly accounts: AccountsService) {}

  onApplicationBootstrap(): Promise<void> {
    return this.accounts.ensureAdmin();
  }
}
