import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A delivery address of an account. */
@Entity({ name: 'addresses' })
export class AddressEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'account_id' })
  accountId: string;

  @Column('text', { nullable: true })
  label: string | null;

  @Column('text', { nullable: true })
  recipient: string | null;

  @Column('text')
  line1: string;

  @Column('text', { nullable: true })
  line2: string | null;

  @Column('text')
  city: string;

  @Column('text', { name: 'postal_code' })
  postalCode: string;

  @Column('text', { nullable: true })
  region: string | null;

  @Column('text')
  country: string;

  @Column('text', { nullable: true })
  phone: string | null;

  @Column('text', { nullable: true })
  instructions: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
