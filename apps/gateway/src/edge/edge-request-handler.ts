import { Agent, IncomingMessage, ServerResponse } from 'node:http';
import cors from 'cors';
import helmet from 'helmet';
import { createProxyMiddleware, RequestHandler } from 'http-proxy-middleware';
import { Logger } from 'pino';
import { AccessTokenVerifier, bearerToken, VerificationKeyCache, createRemoteVerifier, scopeAllowsRequest, VerificationKeysUnavailableError } from '@galley/auth';
import { GatewayConfig, SERVICE_NAMES, ServiceName, upstreamUrlVariable } from '@galley/config';
import { errorBody } from '@galley/errors';
import { endSpan, runWithTraceContext, SpanKind, startSpan, traceIdOf } from '@galley/messaging';
import { AddressList, observeHttpRequest, orderIdOfPath, redactUrl, REQUEST_ID_HEADER, requestIdOf } from '@galley/platform';
import { decide, policyFor, RoutePolicy } from '../routing/route-policy';
import { resolveService } from '../routing/route-table';
import { AVAILABILITY_STREAM_PATH, AvailabilityStreams } from '../streams/availability-streams';
import { AccountStreamLimit } from '../streams/account-stream-limit';
import { ORDER_BOARD_STREAM_PATH, ORDER_STREAM_PATH, OrderStreams } from '../streams/order-streams';
import { StreamSessions } from '../streams/stream-sessions';
import { StreamTickets } from '../streams/stream-tickets';
import { AddressRateLimit } from './address-rate-limit';
import { clientAddress, TrustedIngress } from './client-address';

/** Identity headers only the gateway may set; whatever a client sends under these names is dropped. */
export const IDENTITY_HEADERS = { id: 'x-user-id', role: 'x-user-role' } as const;
/** Forwarding headers a client could forge: the gateway drops them and sets X-Forwarded-For and -Proto itself. */
const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-port', 'x-forwarded-proto', 'x-real-ip'] as const;

// A browser's EventSource cannot set headers: the order streams also take a single-use ticket in the
// URL (POST /api/stream-tickets), never a bearer token.
const TICKET_IN_QUERY = /^\/api\/(orders\/[^/]+|admin\/orders)\/stream$/;
/** The gateway's own route that issues stream tickets. */
export const STREAM_TICKETS_PATH = '/api/stream-tickets';
const STREAM_BUSY_RETRY_SECONDS = 5;
// Stripe signs its webhooks and retries them; it is never rate-limited by address.
const UNLIMITED = /^\/api\/webhooks\/stripe$/;
// Product images are the one upload larger than ordinary JSON bodies.
const IMAGE_UPLOAD = /^\/api\/admin\/products\/[^/]+\/images$/;
const UPSTREAM_TIMEOUT_MS = 30_000;

type Next = (error?: unknown) => void;
type Middleware = (req: IncomingMessage, res: ServerResponse, next: Next) => void;

/**
 * Every `/api/...` and `/.well-known/...` request, handled on the bare Node server before Express
 * and Nest: this hop runs on every call, so it does only what it must. It adds a request id and
 * trace context, security and CORS headers, checks the route's policy and the access token
 * (verified against the users service's JWKS, cached; a token scoped to one order passes only on
 * that order's routes), and streams the request to the owning
 * service over kept-alive connections, body untouched (Stripe signs the raw bytes). Every refusal
 * and upstream failure answers in the JSON error shape.
 */
export class EdgeRequestHandler {
  // An idle kept-alive socket is dropped after 4 s, before the services' HTTP servers close it at
  // 5 s (Node's keepAliveTimeout): reusing one the upstream is closing answered 502 (ECONNRESET).
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 512, keepAliveMsecs: 10_000, timeout: 4_000 });
  private readonly proxies: Map<ServiceName, RequestHandler<IncomingMessage, ServerResponse>>;
  private readonly verifier: AccessTokenVerifier & VerificationKeyCache;
  private readonly securityHeaders: Middleware;
  private readonly crossOrigin: Middleware;
  private readonly ingress: TrustedIngress;
  private readonly rateLimit: AddressRateLimit;
  private readonly tickets: StreamTickets;
  private readonly streamLimit: AccountStreamLimit;

  constructor(
    private readonly config: GatewayConfig,
    private readonly logger: Logger,
    private readonly streams?: OrderStreams,
    private readonly availability?: AvailabilityStreams,
    private readonly sessions: StreamSessions = new StreamSessions(),
  ) {
    this.verifier = createRemoteVerifier(config.JWT_JWKS_URL ?? `${config.USERS_URL}/.well-known/jwks.json`, {
      cacheMaxAgeMs: config.JWT_JWKS_CACHE_SECONDS * 1000,
    });
    this.tickets = new StreamTickets(config.STREAM_TICKET_SECRET ?? StreamTickets.randomSecret());
    this.streamLimit = new AccountStreamLimit(config.MAX_STREAMS_PER_ACCOUNT);
    this.rateLimit = new AddressRateLimit(config.RATE_LIMIT_PER_ADDRESS, config.RATE_LIMIT_WINDOW_SECONDS);
    this.ingress = { hops: config.TRUSTED_INGRESS_HOPS, addresses: AddressList.parse(config.TRUSTED_INGRESS_CIDRS) };
    this.securityHeaders = helmet({ contentSecurityPolicy: false }) as Middleware;
    this.crossOrigin = cors({
      origin: config.CORS_ORIGINS.length ? config.CORS_ORIGINS : false,
      exposedHeaders: [REQUEST_ID_HEADER, 'retry-after'],
      maxAge: 600,
    }) as Middleware;
    this.proxies = new Map(SERVICE_NAMES.map((service) => [service, this.proxyTo(service, config[upstreamUrlVariable(service) as keyof GatewayConfig] as string)]));
  }

  /** Whether this handler owns the request (everything else goes to the Nest app). */
  handles(url: string | undefined): boolean {
    return !!url && (url.startsWith('/api/') || url.startsWith('/.well-known/'));
  }

  handle(req: IncomingMessage, res: ServerResponse): void {
    const started = process.hrtime.bigint();
    const requestId = requestIdOf(req);
    req.headers[REQUEST_ID_HEADER] = requestId;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const parent = req.headers.traceparent;
    const path = (req.url ?? '/').split('?', 1)[0];
    // The root span of a request's trace (or a child of the caller's traceparent).
    const server = startSpan(req.method ?? 'GET', SpanKind.SERVER, Array.isArray(parent) ? parent[0] : parent, {
      'http.request.method': req.method ?? 'GET',
      'url.path': path,
      'galley.request.id': requestId,
    });
    req.headers.traceparent = server.traceparent;
    const client = this.forwardingHeaders(req);
    let route = 'unmatched';
    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      observeHttpRequest(req.method ?? 'GET', route, res.statusCode, seconds);
      server.span.updateName(`${req.method} ${route}`);
      server.span.setAttributes({ 'http.route': route, 'http.response.status_code': res.statusCode });
      endSpan(server.span, res.statusCode >= 500 ? new Error(`HTTP ${res.statusCode}`) : undefined);
      this.logger.info(
        {
          // The order streams take an access token in the query (EventSource sends no headers): never logged.
          req: { id: requestId, method: req.method, url: redactUrl(req.url), remoteAddress: client },
          res: { statusCode: res.statusCode },
          responseTime: Math.round(seconds * 1000),
          traceId: traceIdOf(server.traceparent),
        },
        'request completed',
      );
    });
    const trace = { traceparent: server.traceparent, correlationId: requestId, causationId: requestId, requestId, orderId: orderIdOfPath(path) };

    runWithTraceContext(trace, () =>
      this.securityHeaders(req, res, () =>
        this.crossOrigin(req, res, () => {
          const policy = policyFor(req.method ?? 'GET', path);
          if (policy) route = policy.pattern.source;
          this.admit(req, res, path, client, policy, requestId).catch((error: unknown) => {
            this.logger.error({ err: error, requestId }, 'edge failure');
            if (!res.headersSent) sendError(res, 500, 'Something went wrong on our side; quote the request id when reporting it', requestId);
          });
        }),
      ),
    );
  }

  close(): void {
    this.agent.destroy();
  }

  /** The access-token key cache, for the gateway's readiness. */
  get keyCache(): VerificationKeyCache {
    return this.verifier;
  }

  /** The per-address limit (before any token is verified), then the route's policy. */
  private async admit(req: IncomingMessage, res: ServerResponse, path: string, client: string, policy: RoutePolicy | undefined, requestId: string): Promise<void> {
    if (!UNLIMITED.test(path)) {
      const verdict = await this.rateLimit.take(client);
      if (!verdict.allowed) {
        res.setHeader('Retry-After', String(verdict.retryAfterSeconds));
        sendError(res, 429, 'Too many requests from this address; retry after the time in Retry-After', requestId);
        return;
      }
    }
    await this.authorize(req, res, path, policy, requestId);
  }

  private async authorize(req: IncomingMessage, res: ServerResponse, path: string, policy: RoutePolicy | undefined, requestId: string): Promise<void> {
    const service = path === STREAM_TICKETS_PATH ? 'gateway' : resolveService(path);
    if (!policy || !service) {
      sendError(res, 404, `No route for ${req.method} ${path}`, requestId);
      return;
    }
    delete req.headers[IDENTITY_HEADERS.id];
    delete req.headers[IDENTITY_HEADERS.role];

    const ticket = this.ticketFromQuery(req, path);
    if (ticket && !ticket.token) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      sendError(res, 401, `The stream ticket is invalid, expired or already used; ask ${STREAM_TICKETS_PATH} for a new one`, requestId);
      return;
    }
    const token = ticket?.token ?? bearerToken(req.headers.authorization);
    let role: string | undefined;
    let accountId: string | undefined;
    let sessionId: string | undefined;
    if (token) {
      try {
        const user = await this.verifier.verify(token);
        // A tracking link's token opens its order's routes and nothing else, public routes included
        // (it may ask for a stream ticket: the ticket carries the same token, checked again at the stream).
        const ticketRequest = req.method === 'POST' && path === STREAM_TICKETS_PATH;
        if (user.scope !== undefined && !ticketRequest && !scopeAllowsRequest(user.scope, req.method ?? 'GET', path)) {
          sendError(res, 403, 'This token is restricted to one order and cannot be used here', requestId);
          return;
        }
        role = user.role;
        accountId = user.id;
        sessionId = user.sessionId;
        req.headers[IDENTITY_HEADERS.id] = user.id;
        req.headers[IDENTITY_HEADERS.role] = user.role;
      } catch (error) {
        if (error instanceof VerificationKeysUnavailableError && policy.access !== 'public') {
          sendError(res, 503, 'Sign-in is unavailable right now; try again shortly', requestId);
          return;
        }
      }
    }
    switch (decide(policy.access, role)) {
      case 'unauthenticated':
        res.setHeader('WWW-Authenticate', 'Bearer');
        sendError(res, 401, token ? 'The access token is invalid or expired' : 'This route needs an access token', requestId);
        return;
      case 'forbidden':
        sendError(res, 403, `This route needs the ${policy.access} role`, requestId);
        return;
      case 'allow':
        break;
    }
    // Bodies without a declared length are bounded by each service's own body parser.
    const limit = req.method === 'POST' && IMAGE_UPLOAD.test(path) ? this.config.MAX_IMAGE_UPLOAD_BYTES : this.config.MAX_BODY_BYTES;
    if (Number(req.headers['content-length'] ?? 0) > limit) {
      sendError(res, 413, `Request bodies are limited to ${limit} bytes`, requestId);
      return;
    }
    const wantsStream = req.method === 'GET' && (ORDER_STREAM_PATH.test(path) || ORDER_BOARD_STREAM_PATH.test(path));
    if ((service === 'gateway' || wantsStream) && this.sessions.isRevoked(sessionId)) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      sendError(res, 401, 'This sign-in has ended (signed out or password changed); sign in again', requestId);
      return;
    }
    if (service === 'gateway') {
      this.issueTicket(req, res, token!);
      return;
    }
    if (this.availability && req.method === 'GET' && AVAILABILITY_STREAM_PATH.test(path)) {
      await this.availability.serve(req, res, requestId);
      return;
    }
    if (this.streams && wantsStream) {
      // The policy let only signed-in callers this far: a verified token gave the account.
      const release = this.streamLimit.acquire(accountId!);
      if (!release) {
        res.setHeader('Retry-After', String(STREAM_BUSY_RETRY_SECONDS));
        sendError(res, 429, `This account already has ${this.config.MAX_STREAMS_PER_ACCOUNT} live streams open; close one first`, requestId);
        return;
      }
      // Ends when the sign-in is revoked (StreamSessions); the client's reconnect is then refused above.
      const untrack = this.sessions.track(accountId!, sessionId, () => res.end());
      res.once('close', () => {
        release();
        untrack();
      });
      const order = ORDER_STREAM_PATH.exec(path);
      if (order) {
        await this.streams.serveOrder(req, res, order[1], requestId);
        return;
      }
      if (ORDER_BOARD_STREAM_PATH.test(path)) {
        this.streams.serveBoard(req, res);
        return;
      }
    }
    // The hop to the service is its own span; the service's server span continues from it.
    const upstream = startSpan(`${req.method} ${service}`, SpanKind.CLIENT, req.headers.traceparent as string, { 'server.address': service });
    req.headers.traceparent = upstream.traceparent;
    res.once('finish', () => endSpan(upstream.span, res.statusCode >= 500 ? new Error(`HTTP ${res.statusCode}`) : undefined));
    void this.proxies.get(service)!(req, res, () => sendError(res, 404, `No route for ${req.method} ${path}`, requestId));
  }

  /**
   * Replaces every forwarding header with the gateway's own: X-Forwarded-For is the one client
   * address `clientAddress` computes (the services trust exactly this hop), X-Forwarded-Proto the
   * trusted ingress's scheme or the socket's. Returns the client address.
   */
  private forwardingHeaders(req: IncomingMessage): string {
    const address = clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], this.ingress);
    const peerTrusted = this.ingress.hops > 0 || this.ingress.addresses.has(req.socket.remoteAddress);
    const claimedProto = String(req.headers['x-forwarded-proto'] ?? '')
      .split(',')
      .pop()
      ?.trim()
      .toLowerCase();
    const socketProto = (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
    for (const header of FORWARDING_HEADERS) delete req.headers[header];
    if (address) req.headers['x-forwarded-for'] = address;
    req.headers['x-forwarded-proto'] = peerTrusted && (claimedProto === 'https' || claimedProto === 'http') ? claimedProto : socketProto;
    return address;
  }

  /**
   * The access token a stream's `?ticket=` stands for (redeemed: a ticket opens one stream), set as
   * the request's Authorization for the services the stream asks. Undefined without a ticket;
   * `{ token: undefined }` for a ticket that is forged, expired or used.
   */
  private ticketFromQuery(req: IncomingMessage, path: string): { token: string | undefined } | undefined {
    if (!TICKET_IN_QUERY.test(path)) return undefined;
    const value = new URL(req.url ?? '/', 'http://gateway').searchParams.get('ticket');
    if (!value) return undefined;
    const token = this.tickets.redeem(value);
    if (token) req.headers.authorization = `Bearer ${token}`;
    return { token };
  }

  /** `POST /api/stream-tickets`: a ticket for the caller's verified access token (any body is ignored). */
  private issueTicket(req: IncomingMessage, res: ServerResponse, token: string): void {
    req.resume();
    const body = JSON.stringify(this.tickets.issue(token));
    res.writeHead(201, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
    res.end(body);
  }

  private proxyTo(service: ServiceName, target: string): RequestHandler<IncomingMessage, ServerResponse> {
    return createProxyMiddleware<IncomingMessage, ServerResponse>({
      target,
      agent: this.agent,
      // X-Forwarded-* are set by forwardingHeaders(): xfwd would append to what the client sent.
      xfwd: false,
      proxyTimeout: UPSTREAM_TIMEOUT_MS,
      timeout: UPSTREAM_TIMEOUT_MS,
      logger: undefined,
      on: {
        error: (error, req, res) => {
          if (!(res instanceof ServerResponse) || res.headersSent) {
            (res as { destroy?: () => void }).destroy?.();
            return;
          }
          const code = (error as NodeJS.ErrnoException).code;
          const status = code === 'ECONNRESET' ? 502 : code === 'ETIMEDOUT' ? 504 : 503;
          sendError(res, status, `The ${service} service is unavailable; try again shortly`, requestIdOf(req));
        },
      },
    });
  }
}

function sendError(res: ServerResponse, status: number, message: string, requestId: string): void {
  const body = JSON.stringify(errorBody(status, message, requestId));
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
