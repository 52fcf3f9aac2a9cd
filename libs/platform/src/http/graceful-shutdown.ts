import { EventEmitter } from 'node:events';
import { IncomingMessage, Server, ServerResponse } from 'node:http';

export interface ShutdownLogger {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface GracefulShutdownOptions {
  /** SHUTDOWN_GRACE_MS: the whole shutdown must end within it, or the process exits 1. */
  graceMs: number;
  logger: ShutdownLogger;
  /** First step, before the listener closes: leave readiness, end open streams (they would hold the server open). */
  beforeClose?: () => void | Promise<void>;
  /** After the last request finished, before the app's own shutdown hooks (feeds of the gateway). */
  afterHttpClosed?: () => void | Promise<void>;
  signals?: NodeJS.Signals[];
  /** Injected by tests. */
  processLike?: Pick<EventEmitter, 'on' | 'removeListener'>;
  exit?: (code: number) => void;
}

export interface ShutdownHandle {
  /** What a signal starts; resolves after exit was called. */
  shutdown(signal: string): Promise<void>;
  dispose(): void;
}

/**
 * SIGTERM (or SIGINT): stop accepting connections, let in-flight requests finish (idle keep-alive sockets are
 * closed as they become idle, and any later response on them says Connection: close), then close the app
 * (Nest's hooks: consumers end their batch and commit, the relay its publish, pools and Kafka clients close),
 * and exit 0. The grace running out or a second signal exits 1. Replaces Nest's enableShutdownHooks, which
 * closes the database before the HTTP server and re-raises the signal instead of exiting 0.
 */
export function handleShutdownSignals(app: { close(): Promise<void> }, server: Server, options: GracefulShutdownOptions): ShutdownHandle {
  const proc = options.processLike ?? process;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  let started: Promise<void> | undefined;
  let finished = false;

  let graceTimer: NodeJS.Timeout | undefined;
  // Responses not yet begun when the signal comes (and any request that still arrives on an open socket) say
  // Connection: close, so clients do not send another request on a socket about to close.
  const inFlight = new Set<ServerResponse>();
  const closeAfterResponse = (res: ServerResponse) => {
    if (!res.headersSent) res.setHeader('Connection', 'close');
  };
  const track = (_req: IncomingMessage, res: ServerResponse) => {
    if (started) return closeAfterResponse(res);
    inFlight.add(res);
    res.once('close', () => inFlight.delete(res));
  };
  server.prependListener('request', track);

  const finish = (code: number) => {
    clearTimeout(graceTimer);
    if (finished) return;
    finished = true;
    exit(code);
  };

  const shutdown = (signal: string): Promise<void> => {
    if (started) {
      options.logger.error({ signal }, 'second shutdown signal: exiting now');
      server.closeAllConnections();
      finish(1);
      return started;
    }
    const at = Date.now();
    options.logger.info({ signal, graceMs: options.graceMs }, 'shutting down');
    for (const res of inFlight) closeAfterResponse(res);
    inFlight.clear();
    const grace = new Promise<'timeout'>((resolve) => {
      graceTimer = setTimeout(() => resolve('timeout'), options.graceMs);
    });
    const steps = (async () => {
      await options.beforeClose?.();
      await closeHttpServer(server);
      await options.afterHttpClosed?.();
      await app.close();
    })().then(
      () => 'done' as const,
      (error: unknown) => {
        options.logger.error({ err: error }, 'shutdown failed');
        return 'failed' as const;
      },
    );
    started = Promise.race([steps, grace]).then((outcome) => {
      if (outcome === 'timeout') {
        options.logger.error({ graceMs: options.graceMs }, 'shutdown grace ran out: exiting 1');
        server.closeAllConnections();
      } else if (outcome === 'done') {
        options.logger.info({ ms: Date.now() - at }, 'shut down');
      }
      finish(outcome === 'done' ? 0 : 1);
    });
    return started;
  };

  const onSignal = (signal: NodeJS.Signals) => void shutdown(signal);
  for (const signal of signals) proc.on(signal, onSignal);
  return {
    shutdown,
    dispose: () => {
      for (const signal of signals) proc.removeListener(signal, onSignal);
      server.removeListener('request', track);
    },
  };
}

/** Stops listening and resolves once every connection has ended; idle keep-alive sockets are closed as they go idle. */
export function closeHttpServer(server: Server, pollMs = 50): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve) => {
    const poll = setInterval(() => server.closeIdleConnections(), pollMs);
    server.close(() => {
      clearInterval(poll);
      resolve();
    });
    server.closeIdleConnections();
  });
}
