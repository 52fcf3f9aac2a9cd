import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SchemaStore, StoreTransaction } from '@galley/platform';
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
export type PaymentsTransaction = StoreTransaction<PaymentsRepositories>;

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

/** The payments schema for use cases (see SchemaStore). */
@Injectable()
export class PaymentsStore extends SchemaStore<PaymentsRepositories> {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource, repositoriesOf);
  }
}
