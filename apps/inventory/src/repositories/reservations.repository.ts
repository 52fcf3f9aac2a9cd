import { EntityManager } from 'typeorm';
import { queryRow, queryRows } from '@galley/platform';
import { QuantityLine } from './stock.repository';

export type ReservationStatus = 'held' | 'rejected' | 'committed' | 'released' | 'expired' | 'returned';

export interface ReservationRecord {
  id: string;
  orderId: string;
  status: ReservationStatus;
  expiresAt: Date | null;
}

const COLUMNS = `id, order_id, status, expires_at`;

/** Queries on `inventory.reservations` and their lines; no rules. */
export class ReservationsRepository {
  constructor(private readonly manager: EntityManager) {}

  async lockByOrder(orderId: string): Promise<ReservationRecord | null> {
    return queryRow<ReservationRecord>(this.manager, `SELECT ${COLUMNS} FROM inventory.reservations WHERE order_id = $1 FOR UPDATE`, [orderId]);
  }

  /** Held reservations past their expiry, locked; ones another sweeper holds are skipped. */
  lockDue(now: Date, limit: number): Promise<ReservationRecord[]> {
    return queryRows<ReservationRecord>(
      this.manager,
      `SELECT ${COLUMNS} FROM inventory.reservations WHERE status = 'held' AND expires_at <= $1
        ORDER BY expires_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
  }

  /** Records the reservation of an order; false when the order already has one. */
  async insert(reservation: ReservationRecord, lines: readonly QuantityLine[]): Promise<boolean> {
    const rows = await queryRows(
      this.manager,
      `INSERT INTO inventory.reservations (id, order_id, status, expires_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (order_id) DO NOTHING RETURNING id`,
      [reservation.id, reservation.orderId, reservation.status, reservation.expiresAt],
    );
    if (rows.length === 0) return false;
    if (lines.length > 0) {
      await this.manager.query(
        `INSERT INTO inventory.reservation_lines (reservation_id, product_id, quantity)
         SELECT $1, * FROM unnest($2::uuid[], $3::int[])`,
        [reservation.id, lines.map((line) => line.productId), lines.map((line) => line.quantity)],
      );
    }
    return true;
  }

  linesOf(reservationId: string): Promise<QuantityLine[]> {
    return queryRows<QuantityLine>(this.manager, `SELECT product_id, quantity FROM inventory.reservation_lines WHERE reservation_id = $1 ORDER BY product_id`, [reservationId]);
  }

  async setStatus(id: string, status: ReservationStatus): Promise<void> {
    await this.manager.query(`UPDATE inventory.reservations SET status = $2, updated_at = now() WHERE id = $1`, [id, status]);
  }
}
