import { camelName, queryRow, queryRows } from './query-rows';

const answering = (result: unknown) => ({ query: jest.fn(async () => result) });

describe(queryRows.name, () => {
  it.each([
    ['customer_id', 'customerId'],
    ['reservation_expires_at', 'reservationExpiresAt'],
    ['stars_1', 'stars1'],
    ['id', 'id'],
    ['onHand', 'onHand'],
    ['1', '1'],
  ])('names the column %s %s', (column, expected) => {
    expect(camelName(column)).toBe(expected);
  });

  it('answers the rows with camelCased columns and passes the statement on as it is', async () => {
    const sql = answering([{ id: 'a', customer_id: 'c', paid_amount: 1800 }]);
    expect(await queryRows(sql, 'SELECT id, customer_id, paid_amount FROM t WHERE id = $1', ['a'])).toEqual([{ id: 'a', customerId: 'c', paidAmount: 1800 }]);
    expect(sql.query).toHaveBeenCalledWith('SELECT id, customer_id, paid_amount FROM t WHERE id = $1', ['a']);
  });

  it('keeps rows whose columns need no renaming as they are', async () => {
    const rows = [{ id: 'a', onHand: 3 }];
    expect(await queryRows(answering(rows), 'SELECT …')).toBe(rows);
  });

  it('answers the rows of an UPDATE … RETURNING, which TypeORM gives as [rows, count]', async () => {
    expect(await queryRows(answering([[{ history_length: 4 }], 1]), 'UPDATE …')).toEqual([{ historyLength: 4 }]);
  });

  it('answers no rows for a statement without any', async () => {
    expect(await queryRows(answering([]), 'SELECT …')).toEqual([]);
    expect(await queryRows(answering(undefined), 'LOCK …')).toEqual([]);
    expect(await queryRow(answering([]), 'SELECT …')).toBeNull();
  });

  it('answers the first row with queryRow', async () => {
    expect(await queryRow(answering([{ order_id: 'o' }, { order_id: 'p' }]), 'SELECT …')).toEqual({ orderId: 'o' });
  });
});
