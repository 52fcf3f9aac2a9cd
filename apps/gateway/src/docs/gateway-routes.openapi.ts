import { OpenAPIObject } from '@nestjs/swagger';

/** The description of the merged document (the gateway's own). */
export const GATEWAY_API_DESCRIPTION = 'The public Galley API: every route of every service, behind one entry.';

const sseResponse = {
  description: 'text/event-stream: one `event: status` per status change with `id:` and `data:` JSON. The stream first replays what follows `Last-Event-ID`.',
  content: { 'text/event-stream': { schema: { type: 'string' } } },
};
const errorBody = { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } };
// 401 and 403 are added by mergeOpenApi from the route's access policy.
const errors = {
  '400': { description: 'The order id is not a UUID', content: errorBody },
  '404': { description: 'No such order for this caller', content: errorBody },
};

const ticketParameter = {
  name: 'ticket',
  in: 'query',
  required: false,
  description: 'A stream ticket from POST /api/stream-tickets, for clients that cannot send Authorization (EventSource); opens one stream',
  schema: { type: 'string' },
} as const;
const streamErrors = {
  '429': { description: 'This account already has MAX_STREAMS_PER_ACCOUNT (default 5) live streams open, or the address is rate limited; see Retry-After', content: errorBody },
};

/** The routes the gateway answers itself (live order status, stream tickets), for the merged OpenAPI document. */
export const GATEWAY_PATHS: OpenAPIObject['paths'] = {
  '/api/stream-tickets': {
    post: {
      operationId: 'StreamTickets_issue',
      tags: ['orders'],
      summary: 'A short-lived, single-use ticket that opens one live stream (?ticket=), so no bearer token goes into a URL',
      description:
        "For EventSource, which cannot set headers: the ticket stands for the access token of this request (an order link's token too, " +
        "and then opens only that order's stream) for 60 seconds, and opens one stream. Ask for a new one for each (re)connection.",
      responses: {
        '201': {
          description: 'The ticket and when it expires',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['ticket', 'expiresAt'],
                properties: {
                  ticket: { type: 'string', description: 'Opaque; put it in the stream URL as ?ticket=' },
                  expiresAt: { type: 'string', format: 'date-time' },
                },
              },
            },
          },
        },
        '429': { description: 'Rate limited; see Retry-After', content: errorBody },
      },
    },
  },
  '/api/orders/{id}/stream': {
    get: {
      operationId: 'OrderStreams_orderStatus',
      tags: ['orders'],
      summary: 'Live status of an order (SSE), resumable with Last-Event-ID; a browser gives a stream ticket as ?ticket=',
      description:
        'Events: `status` (id: the history sequence; data: `{orderId, sequence, status, at, reason}`) and `eta` (no id; data: ' +
        '`{orderId, estimatedReadyAt}`, an ISO time or null once the order is finished): one `eta` after the replay with the current ' +
        "estimate, then one whenever the kitchen's estimate for this order moves. With `include=payment` also `payment` (no id; data: " +
        '`{orderId, paymentIntentId}`), once, as soon as the PaymentIntent exists: then `GET /api/orders/{id}/payment` answers with the ' +
        'client secret, with no need to poll it.',
      parameters: [
        { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
        { name: 'Last-Event-ID', in: 'header', required: false, schema: { type: 'string' } },
        { name: 'include', in: 'query', required: false, description: 'Extra events, comma-separated: `payment`', schema: { type: 'string', example: 'payment' } },
        ticketParameter,
      ],
      responses: { '200': sseResponse, ...errors, ...streamErrors },
    },
  },
  '/api/admin/orders/stream': {
    get: {
      operationId: 'OrderStreams_allStatuses',
      tags: ['orders (staff)'],
      summary: 'Every order status change as it happens, for the order board (SSE), resumable with Last-Event-ID',
      description:
        'Events: `status` (data: `{orderId, sequence, status, at, reason, customerId, previousStatus}`), and on every connection one ' +
        '`ready` (data: `{replayed}`) or `resync` (data: `{reason, refetch: "/api/admin/orders"}`). Ids are `<epoch>:<position>` in this ' +
        "gateway instance's journal of recent changes. A board reconnecting with an id the journal still holds first gets exactly the " +
        '`status` events that followed it, then `ready`; an id from before a gateway restart, from another instance, or older than the ' +
        'journal gets `resync`: refetch `GET /api/admin/orders`. Either way the stream then goes on live.',
      parameters: [
        { name: 'Last-Event-ID', in: 'header', required: false, schema: { type: 'string', example: '9f3a61c2:42' } },
        { name: 'lastEventId', in: 'query', required: false, schema: { type: 'string', example: '9f3a61c2:42' } },
        ticketParameter,
      ],
      responses: {
        '200': { description: 'text/event-stream of `status`, `ready` and `resync` events', content: { 'text/event-stream': { schema: { type: 'string' } } } },
        ...streamErrors,
      },
    },
  },
  '/api/products/availability/stream': {
    get: {
      operationId: 'AvailabilityStreams_productAvailability',
      tags: ['catalog'],
      summary: 'Live sellable stock and on-sale flag of every product (SSE, public), resumable with Last-Event-ID',
      description:
        'On connect one `snapshot` (id: `<epoch>:<position>`; data: `{items: [{productId, available, onSale}]}`, every live product, ' +
        'as `GET /api/products/availability` answers), then one `availability` per change (id: `<epoch>:<position>`, monotonic in this ' +
        "gateway instance; data: `{productId, available, onSale, archived}`). A client reconnecting with an id this instance's journal " +
        'of the last 1000 changes still holds gets exactly the `availability` events that followed it and no snapshot; any other id ' +
        'gets a fresh `snapshot`. Comments (`: keep-alive`) keep idle connections open.',
      parameters: [
        { name: 'Last-Event-ID', in: 'header', required: false, schema: { type: 'string', example: '9f3a61c2:42' } },
        { name: 'lastEventId', in: 'query', required: false, schema: { type: 'string', example: '9f3a61c2:42' } },
      ],
      responses: {
        '200': { description: 'text/event-stream of `snapshot` and `availability` events', content: { 'text/event-stream': { schema: { type: 'string' } } } },
        '503': { description: 'The inventory service is unavailable (no snapshot to start from)', content: errorBody },
      },
    },
  },
};
