import { EventContract } from '../contract';

export const CONTRACTS_EVENTS_DIR = 'libs/contracts/src/events';

/**
 * Where a contract lives, relative to the repo root, derived from its type so that the two cannot
 * drift: `stock.reservation_expired` v1 by inventory is
 * `libs/contracts/src/events/inventory/stock-reservation-expired.v1.ts`.
 */
export function contractFilePath(contract: Pick<EventContract, 'type' | 'version' | 'producer'>): string {
  const fileStem = contract.type.replace(/[._]/g, '-');
  return `${CONTRACTS_EVENTS_DIR}/${contract.producer}/${fileStem}.v${contract.version}.ts`;
}
