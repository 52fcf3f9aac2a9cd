import { IncomingMessage } from 'node:http';
import { lastEventIdOf } from './order-streams';

const request = (url: string, headers: Record<string, string> = {}) => ({ url, headers }) as unknown as IncomingMessage;

describe(lastEventIdOf.name, () => {
  it.each([
    ['the Last-Event-ID header', request('/api/orders/x/stream', { 'last-event-id': '4' }), 4],
    ['the lastEventId query parameter', request('/api/orders/x/stream?lastEventId=7'), 7],
    ['the header over the query', request('/api/orders/x/stream?lastEventId=7', { 'last-event-id': '2' }), 2],
    ['nothing', request('/api/orders/x/stream'), 0],
    ['garbage', request('/api/orders/x/stream', { 'last-event-id': 'abc' }), 0],
    ['a negative number', request('/api/orders/x/stream', { 'last-event-id': '-3' }), 0],
    ['a huge number', request('/api/orders/x/stream', { 'last-event-id': '99999999999999' }), 0],
  ])('reads %s', (_case, req, expected) => {
    expect(lastEventIdOf(req)).toBe(expected);
  });
});
