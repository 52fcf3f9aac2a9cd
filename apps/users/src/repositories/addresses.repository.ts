import { EntityManager } from 'typeorm';
import { queryRow, queryRows } from '@galley/platform';
import { AddressEntity } from '../schema/address.entity';

export type AddressFields = Pick<AddressEntity, 'label' | 'recipient' | 'line1' | 'line2' | 'city' | 'postalCode' | 'region' | 'country' | 'phone' | 'instructions'>;

/** The columns of the fields a change may set, by field. */
const FIELD_COLUMNS: Record<keyof AddressFields, string> = {
  label: 'label',
  recipient: 'recipient',
  line1: 'line1',
  line2: 'line2',
  city: 'city',
  postalCode: 'postal_code',
  region: 'region',
  country: 'country',
  phone: 'phone',
  instructions: 'instructions',
};

const COLUMNS = `id, account_id, label, recipient, line1, line2, city, postal_code, region, country, phone, instructions, created_at, updated_at`;

/** Queries on `users.addresses`, always scoped to the owning account; no rules. */
export class AddressesRepository {
  constructor(private readonly manager: EntityManager) {}

  listOf(accountId: string): Promise<AddressEntity[]> {
    return queryRows<AddressEntity>(this.manager, `SELECT ${COLUMNS} FROM "users".addresses WHERE account_id = $1 ORDER BY created_at ASC, id ASC`, [accountId]);
  }

  async countOf(accountId: string): Promise<number> {
    const [row] = await queryRows<{ count: number }>(this.manager, `SELECT count(*)::int AS count FROM "users".addresses WHERE account_id = $1`, [accountId]);
    return row.count;
  }

  findOwned(accountId: string, id: string): Promise<AddressEntity | null> {
    return queryRow<AddressEntity>(this.manager, `SELECT ${COLUMNS} FROM "users".addresses WHERE account_id = $1 AND id = $2 LIMIT 1`, [accountId, id]);
  }

  async insert(address: AddressFields & { id: string; accountId: string; at: Date }): Promise<AddressEntity> {
    await this.manager.query(
      `INSERT INTO "users".addresses (id, account_id, label, recipient, line1, line2, city, postal_code, region, country, phone, instructions, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)`,
      [
        address.id,
        address.accountId,
        address.label ?? null,
        address.recipient ?? null,
        address.line1,
        address.line2 ?? null,
        address.city,
        address.postalCode,
        address.region ?? null,
        address.country,
        address.phone ?? null,
        address.instructions ?? null,
        address.at,
      ],
    );
    return (await this.findOwned(address.accountId, address.id))!;
  }

  /** Applies the changes to the account's address; null when it has no address with that id. */
  async updateOwned(accountId: string, id: string, changes: Partial<AddressFields>, at: Date): Promise<AddressEntity | null> {
    const params: unknown[] = [accountId, id, at];
    const sets = ['updated_at = $3'];
    for (const field of Object.keys(FIELD_COLUMNS) as (keyof AddressFields)[]) {
      if (changes[field] !== undefined) sets.push(`${FIELD_COLUMNS[field]} = $${params.push(changes[field])}`);
    }
    const changed = await queryRows(this.manager, `UPDATE "users".addresses SET ${sets.join(', ')} WHERE account_id = $1 AND id = $2 RETURNING id`, params);
    if (changed.length === 0) return null;
    return this.findOwned(accountId, id);
  }

  async deleteOwned(accountId: string, id: string): Promise<boolean> {
    const gone = await queryRows(this.manager, `DELETE FROM "users".addresses WHERE account_id = $1 AND id = $2 RETURNING id`, [accountId, id]);
    return gone.length > 0;
  }
}
