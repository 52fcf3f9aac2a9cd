import { OpenAPIObject } from '@nestjs/swagger';

/** The description of the merged document (the gateway's own). */
export const GATEWAY_API_DESCRIPTION = 'The public Galley API: every route of every service, behind one entry.';

const sseResponse = {
  description:
    'text/event-stream: one `event: status` per status change with `id:` and `data:` JSON. The stream first replays what follows `Last-Event-ID`.',
  content: { 'text/event-stream': { schema: { type: 'string' } } },
};
const errorBody = { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } };
// 401 and 403 are added by mergeOpenApi from the route's access policy.
const errors = {
  '400': { description: 'The order id is not a UUID', content: errorBody },
  '404': { description: 'No such order for this caller', content: errorBody },
};

/** The routes the gateway answers itself (live order status), for the merged OpenAPI document. */
export const GATEWAY_PATHS: OpenAPIObject['paths'] = {
  '/api/orders/{id}/stream': {
    get: {
      operationId: 'OrderStreams_orderStatus',
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
      operationId: 'OrderStreams_allStatuses',
      tags: ['orders (staff)'],
      summary: 'Every order status change as it happens, for the order board (SSE; ids are <orderId>:<sequence>)',
      parameters: [{ name: 'access_token', in: 'query', required: false, schema: { type: 'string' } }],
      responses: { '200': sseResponse },
    },
  },
};
