import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SqlExecutor } from '@galley/messaging';
import { DisputesRepository } from './disputes.repository';
import { LedgerRepository } from './ledger.repository';
import { OrdersViewRepository } from './orders-view.repository';
import { PaymentsRepository } from './payments.repository';
import { RefundsRepository } from './refunds.repository';
import { WebhookEventsRepository } from './webhook-events.repository';

export interface PaymentsRepositories {
  orders: OrdersViewRepository;
  payments: PaymentsRepository;
  refunds: RefundsRepository;
  disputes: DisputesRepository;
  ledger: LedgerRepository;
  webhookEvents: WebhookEventsRepository;
}

/** The repositories bound to one transaction, and the executor the outbox writes through. */
export interface PaymentsTransaction extends PaymentsRepositories {
  sql: SqlExecutor;
}

function repositoriesOf(manager: EntityManager): PaymentsRepositories {
  return {
    orders: new OrdersViewRepository(manager),
    payments: new PaymentsRepository(manager),
    refunds: new RefundsRepository(manager),
    disputes: new DisputesRepository(manager),
    ledger: new LedgerRepository(manager),
    webhookEvents: new WebhookEventsRepository(manager),
  };
}

/**
 * The payments schema for use cases: `read` outside any transaction, `transaction()` for work
 * that commits together (state, ledger and outbox rows), and `within()` for a consumer's inbox
 * transaction. Services never see TypeORM.
 */
@Injectable()
export class PaymentsStore {
  readonly read: PaymentsRepositories;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.read = repositoriesOf(dataSource.manager);
  }

  transaction<T>(work: (tx: PaymentsTransaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work({ ...repositoriesOf(manager), sql: manager }));
  }

  /** The repositories on a transaction someone else opened (the consumer's inbox transaction). */
  within(tx: SqlExecutor): PaymentsTransaction {
    return { ...repositoriesOf(tx as EntityManager), sql: tx };
  }

  /** A plain executor outside any transaction (read-only checks such as reconciliation). */
  get sql(): SqlExecutor {
    return this.dataSource.manager;
  }
}
