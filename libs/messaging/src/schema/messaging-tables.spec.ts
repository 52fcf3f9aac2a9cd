import { messagingTablesV1Up, outboxChannel } from './messaging-tables';

describe(messagingTablesV1Up.name, () => {
  it.each(['orders', 'inventory', 't_relay_abc123'])('builds the tables inside schema %s', (schema) => {
    const sut = messagingTablesV1Up(schema);
    expect(sut.filter((statement) => statement.startsWith('CREATE TABLE'))).toHaveLength(2);
    expect(sut.every((statement) => !/CREATE (TABLE|INDEX|FUNCTION)/.test(statement) || statement.includes(`"${schema}"`))).toBe(true);
    expect(outboxChannel(schema)).toBe(`${schema}_outbox`);
  });

  it.each(['Orders', 'orders; DROP SCHEMA users', 'a"b', '', '1abc'])('refuses %p as a schema name', (schema) => {
    expect(() => messagingTablesV1Up(schema)).toThrow(/not a valid schema name/);
  });
});
