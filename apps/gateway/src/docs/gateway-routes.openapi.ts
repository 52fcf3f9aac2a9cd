import { OpenAPIObject } from '@nestjs/swagger';

const sseResponse = {
  description:
    'text/event-stream: one `event: status` per status change with `id:` and `data:` JSON. The stream first replays what follows `Last-Event-ID`.',
  content: { 'text/event-stream': { schema: { type: 'string' } } },
};
const errors = {
  '401': { description: 'Missing or bad access token' },
  '404': { description: 'No such order for this caller' },
};

/** The routes the gateway answers itself (live order status), for the merged OpenAPI document. */
export const GATEWAY_PATHS: OpenAPIObject['paths'] = {
  '/api/orders/{id}/stream': {
    get: {
      tags: ['orders'],
      summary: 'Live status of an order (SSE), resumable with Last-Event-ID; the token may be given as ?access_token=',
      parameters: [
        { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
        { name: 'Last-Event-ID', in: 'header', required: false, schema: { type: 'string' } },
        { name: 'access_token', in: 'query', required: false, schema: { type: 'string' } },
      ],
      responses: { '200': sseResponse, ...errors },
    },
  },
  '/api/admin/orders/stream': {
    get: {
      tags: ['orders (staff)'],
      summary: 'Every order status change as it happens, for the order board (SSE; ids are <orderId>:<sequence>)',
      parameters: [{ name: 'access_token', in: 'query', required: false, schema: { type: 'string' } }],
      responses: { '200': sseResponse, '401': errors['401'], '403': { description: 'Staff only' } },
    },
  },
};
