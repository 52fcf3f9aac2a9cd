import { buildDeadLetter, DLQ_HEADERS, headerText } from './dead-letter';

describe(buildDeadLetter.name, () => {
  it('keeps key, value and original headers and adds why, where and how often it failed', () => {
    const sut = buildDeadLetter({
      topic: 'orders.events',
      partition: 2,
      message: { key: Buffer.from('o-1'), value: Buffer.from('{}'), headers: { traceparent: 'tp', 'event-type': 'order.placed' }, offset: '41', timestamp: '0', attributes: 0 },
      reason: 'Error: boom',
      attempts: 5,
      consumerGroup: 'galley-inventory',
      failedAt: new Date('2026-11-25T10:00:00Z'),
    });
    expect(sut.topic).toBe('orders.events.dlq');
    expect(sut.message.key?.toString()).toBe('o-1');
    expect(sut.message.value?.toString()).toBe('{}');
    expect(headerText(sut.message.headers, 'traceparent')).toBe('tp');
    expect(headerText(sut.message.headers, DLQ_HEADERS.reason)).toBe('Error: boom');
    expect(headerText(sut.message.headers, DLQ_HEADERS.attempts)).toBe('5');
    expect(headerText(sut.message.headers, DLQ_HEADERS.originalOffset)).toBe('41');
    expect(headerText(sut.message.headers, DLQ_HEADERS.originalPartition)).toBe('2');
    expect(headerText(sut.message.headers, DLQ_HEADERS.consumerGroup)).toBe('galley-inventory');
    expect(headerText(sut.message.headers, DLQ_HEADERS.failedAt)).toBe('2026-11-25T10:00:00.000Z');
  });
});
