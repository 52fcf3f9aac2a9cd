import { contractKey, EventContract } from './contract';
import { orderPlacedV1 } from './events/orders/order-placed.v1';

/** Every event contract, current and older versions still published. */
export const ALL_CONTRACTS: readonly EventContract[] = [orderPlacedV1];

const byKey = new Map(ALL_CONTRACTS.map((contract) => [contractKey(contract.type, contract.version), contract]));

export function findContract(type: string, version: number): EventContract | undefined {
  return byKey.get(contractKey(type, version));
}
