import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { stockCommittedV1, stockRejectedV1, stockReleasedV1, stockReservationExpiredV1, stockReservedV1 } from '@galley/contracts';
import { OutboxWriter, SqlExecutor } from '@galley/messaging';
import { INVENTORY_CONFIG } from '../config/inventory-config.token';
import { InventoryConfig } from '../config/inventory-config';
import { availableOf } from '../domain/stock-level';
import { decideReservation, mergeLines, RequestedLine } from '../domain/reservation-decision';
import { InventoryStore, InventoryTransaction } from '../repositories/inventory-store';
import { ReservationRecord } from '../repositories/reservations.repository';
import { announceLevels } from './stock-events';

export type ReservationOutcome = 'reserved' | 'rejected' | 'already-handled';
export type CancellationOutcome = 'released' | 'returned' | 'unchanged';

/**
 * Reservations driven by order events, each run inside the consumer's inbox transaction. Level
 * rows are locked in product id order (no deadlocks); the CHECK constraints back every change.
 * Steps already applied (a second order.placed for an order, a second cancellation) change
 * nothing, and a payment for a reservation already released or expired sells nothing.
 */
@Injectable()
export class ReservationsService {
  constructor(
    private readonly store: InventoryStore,
    private readonly outbox: OutboxWriter,
    @Inject(INVENTORY_CONFIG) private readonly config: InventoryConfig,
  ) {}

  /** All or nothing: every line reserved until the expiry, or stock.rejected with the short lines. */
  async reserve(sql: SqlExecutor, order: { orderId: string; lines: RequestedLine[] }, now = new Date()): Promise<ReservationOutcome> {
    const tx = this.store.within(sql);
    if (await tx.reservations.lockByOrder(order.orderId)) return 'already-handled';
    const lines = mergeLines(order.lines);
    const levels = await tx.stock.lockMany(lines.map((line) => line.productId));
    // Orders refuses off-sale products at checkout; one that went off sale in between is short here (0 available).
    const available = new Map(levels.filter((level) => !level.archived && level.onSale).map((level) => [level.productId, availableOf(level)]));
    const decision = decideReservation(lines, available);
    const id = randomUUID();
    if (decision.kind === 'reject') {
      if (!(await tx.reservations.insert({ id, orderId: order.orderId, status: 'rejected', expiresAt: null }, []))) return 'already-handled';
      await this.outbox.append(tx.sql, stockRejectedV1, { aggregateId: order.orderId, payload: { orderId: order.orderId, shortLines: decision.shortLines } });
      return 'rejected';
    }
    const expiresAt = new Date(now.getTime() + this.config.RESERVATION_TTL_SECONDS * 1000);
    if (!(await tx.reservations.insert({ id, orderId: order.orderId, status: 'held', expiresAt }, decision.lines))) return 'already-handled';
    const changed = await tx.stock.shift(decision.lines, { onHand: 0, reserved: 1 });
    await this.outbox.append(tx.sql, stockReservedV1, {
      aggregateId: order.orderId,
      payload: { orderId: order.orderId, reservationId: id, lines: decision.lines, expiresAt: expiresAt.toISOString() },
    });
    await announceLevels(this.outbox, tx, changed);
    return 'reserved';
  }

  /**
   * The paid order's reservation becomes a sale; anything but a held reservation is left alone (a
   * payment after the reservation was released or expired sells nothing: orders refunds it).
   */
  async commit(sql: SqlExecutor, orderId: string): Promise<boolean> {
    const tx = this.store.within(sql);
    const reservation = await tx.reservations.lockByOrder(orderId);
    if (!reservation || reservation.status !== 'held') return false;
    const lines = await this.lockLines(tx, reservation);
    const changed = await tx.stock.shift(lines, { onHand: -1, reserved: -1 });
    await tx.reservations.setStatus(reservation.id, 'committed');
    const after = new Map(changed.map((level) => [level.productId, level.onHand]));
    await tx.stock.addMovements(
      lines.map((line) => ({
        productId: line.productId,
        kind: 'sale' as const,
        delta: -line.quantity,
        reason: `sold: order ${orderId}`,
        actorId: null,
        orderId,
        onHandAfter: after.get(line.productId) ?? 0,
      })),
    );
    await this.outbox.append(tx.sql, stockCommittedV1, { aggregateId: orderId, payload: { orderId, reservationId: reservation.id, lines } });
    await announceLevels(this.outbox, tx, changed);
    return true;
  }

  /**
   * The cancelled order's stock goes back: a held reservation is released, a sale (the order was
   * paid) is returned on hand with a `return` movement. Either happens once: the reservation moves
   * to `released` / `returned`, and any other state (none, rejected, expired, already given back)
   * is a no-op.
   */
  async release(sql: SqlExecutor, orderId: string, reason: string): Promise<CancellationOutcome> {
    const tx = this.store.within(sql);
    const reservation = await tx.reservations.lockByOrder(orderId);
    if (reservation?.status === 'held') {
      const lines = await this.giveBack(tx, reservation, 'released');
      await this.outbox.append(tx.sql, stockReleasedV1, { aggregateId: orderId, payload: { orderId, reservationId: reservation.id, lines, reason } });
      return 'released';
    }
    if (reservation?.status === 'committed') {
      await this.returnSold(tx, reservation, reason);
      return 'returned';
    }
    return 'unchanged';
  }

  /** Releases reservations past their expiry (a batch per transaction); returns how many. */
  async expireDue(now = new Date(), batchSize = 100): Promise<number> {
    let total = 0;
    for (;;) {
      const expired = await this.store.transaction(async (tx) => {
        const due = await tx.reservations.lockDue(now, batchSize);
        // Every level this batch touches, locked up front in product id order (never in a cycle).
        const productIds = new Set<string>();
        for (const reservation of due) for (const line of await tx.reservations.linesOf(reservation.id)) productIds.add(line.productId);
        await tx.stock.lockMany([...productIds]);
        for (const reservation of due) {
          await this.giveBack(tx, reservation, 'expired');
          await this.outbox.append(tx.sql, stockReservationExpiredV1, {
            aggregateId: reservation.orderId,
            payload: { orderId: reservation.orderId, reservationId: reservation.id },
          });
        }
        return due.length;
      });
      total += expired;
      if (expired < batchSize) return total;
    }
  }

  /** Puts the units of a sale back on hand (the order was cancelled after payment). */
  private async returnSold(tx: InventoryTransaction, reservation: ReservationRecord, reason: string): Promise<void> {
    const lines = await this.lockLines(tx, reservation);
    const changed = await tx.stock.shift(lines, { onHand: 1, reserved: 0 });
    await tx.reservations.setStatus(reservation.id, 'returned');
    const after = new Map(changed.map((level) => [level.productId, level.onHand]));
    await tx.stock.addMovements(
      lines.map((line) => ({
        productId: line.productId,
        kind: 'return' as const,
        delta: line.quantity,
        reason: 'order cancelled',
        actorId: null,
        orderId: reservation.orderId,
        onHandAfter: after.get(line.productId) ?? 0,
      })),
    );
    await this.outbox.append(tx.sql, stockReleasedV1, {
      aggregateId: reservation.orderId,
      payload: { orderId: reservation.orderId, reservationId: reservation.id, lines, reason },
    });
    await announceLevels(this.outbox, tx, changed);
  }

  private async giveBack(tx: InventoryTransaction, reservation: ReservationRecord, status: 'released' | 'expired'): Promise<RequestedLine[]> {
    const lines = await this.lockLines(tx, reservation);
    const changed = await tx.stock.shift(lines, { onHand: 0, reserved: -1 });
    await tx.reservations.setStatus(reservation.id, status);
    await announceLevels(this.outbox, tx, changed);
    return lines;
  }

  /** The reservation's lines with their level rows locked in product id order. */
  private async lockLines(tx: InventoryTransaction, reservation: ReservationRecord): Promise<RequestedLine[]> {
    const lines = await tx.reservations.linesOf(reservation.id);
    await tx.stock.lockMany(lines.map((line) => line.productId));
    return lines;
  }
}
