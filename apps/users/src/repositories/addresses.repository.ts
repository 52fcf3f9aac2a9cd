import { EntityManager } from 'typeorm';
import { AddressEntity } from '../schema/address.entity';

export type AddressFields = Pick<
  AddressEntity,
  'label' | 'recipient' | 'line1' | 'line2' | 'city' | 'postalCode' | 'region' | 'country' | 'phone' | 'instructions'
>;

/** Queries on `users.addresses`, always scoped to the owning account; no rules. */
export class AddressesRepository {
  constructor(private readonly manager: EntityManager) {}

  listOf(accountId: string): Promise<AddressEntity[]> {
    return this.manager.find(AddressEntity, { where: { accountId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  countOf(accountId: string): Promise<number> {
    return this.manager.countBy(AddressEntity, { accountId });
  }

  findOwned(accountId: string, id: string): Promise<AddressEntity | null> {
    return this.manager.findOneBy(AddressEntity, { accountId, id });
  }

  async insert(address: AddressFields & { id: string; accountId: string; at: Date }): Promise<AddressEntity> {
    const { at, ...fields } = address;
    await this.manager.insert(AddressEntity, { ...fields, createdAt: at, updatedAt: at });
    return (await this.findOwned(address.accountId, address.id))!;
  }

  /** Applies the changes to the account's address; null when it has no address with that id. */
  async updateOwned(accountId: string, id: string, changes: Partial<AddressFields>, at: Date): Promise<AddressEntity | null> {
    const result = await this.manager.update(AddressEntity, { accountId, id }, { ...changes, updatedAt: at });
    if ((result.affected ?? 0) === 0) return null;
    return this.findOwned(accountId, id);
  }

  async deleteOwned(accountId: string, id: string): Promise<boolean> {
    const result = await this.manager.delete(AddressEntity, { accountId, id });
    return (result.affected ?? 0) > 0;
  }
}
