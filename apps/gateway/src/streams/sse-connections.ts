import { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The open Server-Sent-Event responses of one kind of stream: the headers every stream starts with,
 * a heartbeat that keeps proxies from timing the connection out, cleanup when either side closes,
 * and ending them all at shutdown (clients reconnect with Last-Event-ID).
 */
export class SseConnections {
  private readonly open = new Set<ServerResponse>();

  constructor(private readonly heartbeatMs: number) {}

  get size(): number {
    return this.open.size;
  }

  begin(res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // Reverse proxies (nginx ingress) must not buffer the stream.
      'x-accel-buffering': 'no',
    });
    res.write('retry: 3000\n\n');
  }

  keepOpen(req: IncomingMessage, res: ServerResponse, cleanup: () => void): void {
    this.open.add(res);
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), this.heartbeatMs);
    const close = () => {
      clearInterval(heartbeat);
      cleanup();
      this.open.delete(res);
    };
    req.once('close', close);
    res.once('close', close);
  }

  closeAll(): void {
    for (const res of this.open) res.end();
  }
}
