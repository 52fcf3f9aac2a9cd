import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { canAddAddress, MAX_ADDRESSES_PER_ACCOUNT, normaliseCountry } from '../domain/address-rules';
import { UsersError, UsersErrorCode } from '../domain/users-error';
import { AddressFields } from '../repositories/addresses.repository';
import { UsersStore } from '../repositories/users-store';
import { AddressEntity } from '../schema/address.entity';

export type NewAddress = Pick<AddressFields, 'line1' | 'city' | 'postalCode' | 'country'> & Partial<AddressFields>;

/** An account's own delivery addresses; another account's address does not exist (404). */
@Injectable()
export class AddressesService {
  constructor(private readonly store: UsersStore) {}

  list(accountId: string): Promise<AddressEntity[]> {
    return this.store.read.addresses.listOf(accountId);
  }

  add(accountId: string, address: NewAddress): Promise<AddressEntity> {
    return this.store.transaction(async (tx) => {
      if (!(await tx.accounts.lockById(accountId))) {
        throw new UsersError(UsersErrorCode.AccountNotFound, 'The account of this access token no longer exists');
      }
      if (!canAddAddress(await tx.addresses.countOf(accountId))) {
        throw new UsersError(UsersErrorCode.AddressLimitReached, `An account keeps at most ${MAX_ADDRESSES_PER_ACCOUNT} addresses`);
      }
      return tx.addresses.insert({ ...blankAddress(), ...clean(address), id: randomUUID(), accountId, at: new Date() } as AddressFields & {
        id: string;
        accountId: string;
        at: Date;
      });
    });
  }

  async update(accountId: string, id: string, changes: Partial<AddressFields>): Promise<AddressEntity> {
    return (await this.store.read.addresses.updateOwned(accountId, id, clean(changes), new Date())) ?? notFound();
  }

  async remove(accountId: string, id: string): Promise<void> {
    if (!(await this.store.read.addresses.deleteOwned(accountId, id))) notFound();
  }
}

function blankAddress(): Omit<AddressFields, 'line1' | 'city' | 'postalCode' | 'country'> {
  return { label: null, recipient: null, line2: null, region: null, phone: null, instructions: null };
}

/** Only the fields that were given; country codes upper-case. */
function clean<T extends Partial<AddressFields>>(fields: T): T {
  const given = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as T;
  if (typeof given.country === 'string') given.country = normaliseCountry(given.country);
  return given;
}

function notFound(): never {
  throw new UsersError(UsersErrorCode.AddressNotFound, 'No such address');
}
