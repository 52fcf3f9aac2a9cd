import { afterEach, describe, expect, it, vi } from 'vitest';
import { BoardConnection, parseStatus, type ConnectionState } from './board-connection';

function streamOf(chunks: string[], keepOpen = false): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(encoder.encode(c));
      if (!keepOpen) controller.close();
    },
  });
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
}

const status = (seq: number) =>
  `id: e:${seq}\nevent: status\ndata: {"orderId":"o","sequence":${seq},"status":"CONFIRMED","at":"2026-12-02T10:00:00.000Z"}\n\n`;

describe(BoardConnection.name, () => {
  let sut: BoardConnection | undefined;
  afterEach(() => sut?.stop());

  it('goes live, refetches once at first and hands over status events', async () => {
    const states: ConnectionState[] = [];
    const events: number[] = [];
    const resyncs: string[] = [];
    const fetchMock = vi.fn(async () => new Response(streamOf(['id: e:0\nevent: ready\ndata: {}\n\n', status(1)], true)));
    sut = new BoardConnection({
      url: '/s',
      getToken: () => 'tok',
      refresh: async () => true,
      onStatus: (e) => events.push(e.sequence),
      onResync: (r) => resyncs.push(r),
      onState: (s) => states.push(s),
      fetch: fetchMock as unknown as typeof fetch,
    });
    sut.start();
    await until(() => events.length === 1);
    expect(states[0]).toEqual({ kind: 'live' });
    expect(resyncs).toEqual(['initial']);
    const init = (fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer tok');
  });

  it('reconnects with Last-Event-ID after a drop, says so, and refetches on resync', async () => {
    const states: ConnectionState[] = [];
    const resyncs: string[] = [];
    const headers: Record<string, string>[] = [];
    let call = 0;
    const fetchMock = vi.fn(async (_url: string, init: RequestInit) => {
      headers.push(init.headers as Record<string, string>);
      call += 1;
      if (call === 1) return new Response(streamOf([status(7)]));
      if (call === 2) throw new TypeError('Failed to fetch');
      return new Response(streamOf(['id: x:9\nevent: resync\ndata: {}\n\n'], true));
    });
    sut = new BoardConnection({
      url: '/s',
      getToken: () => 't',
      refresh: async () => true,
      onStatus: () => undefined,
      onResync: (r) => resyncs.push(r),
      onState: (s) => states.push(s),
      fetch: fetchMock as unknown as typeof fetch,
      backoffMs: [1],
    });
    sut.start();
    await until(() => call === 3 && resyncs.includes('resync'));
    expect(headers[1]?.['Last-Event-ID']).toBe('e:7');
    expect(states.map((s) => s.kind)).toEqual(['live', 'reconnecting', 'reconnecting', 'live']);
    const reconnecting = states[1] as { since: number };
    expect((states[2] as { since: number }).since).toBe(reconnecting.since);
  });

  it('refetches after a reconnect that a gateway does not answer with ready', async () => {
    const resyncs: string[] = [];
    let call = 0;
    const fetchMock = vi.fn(async () => {
      call += 1;
      if (call === 1) return new Response(streamOf([]));
      return new Response(streamOf([status(2)], true));
    });
    sut = new BoardConnection({
      url: '/s',
      getToken: () => 't',
      refresh: async () => true,
      onStatus: () => undefined,
      onResync: (r) => resyncs.push(r),
      onState: () => undefined,
      fetch: fetchMock as unknown as typeof fetch,
      backoffMs: [1],
    });
    sut.start();
    await until(() => resyncs.includes('reconnect'));
  });

  it('refreshes the token on a 401 and reports signed out when that fails', async () => {
    const states: ConnectionState[] = [];
    const refresh = vi.fn(async () => false);
    sut = new BoardConnection({
      url: '/s',
      getToken: () => 'old',
      refresh,
      onStatus: () => undefined,
      onResync: () => undefined,
      onState: (s) => states.push(s),
      fetch: (async () => new Response('', { status: 401 })) as unknown as typeof fetch,
    });
    sut.start();
    await until(() => states.length === 1);
    expect(refresh).toHaveBeenCalledOnce();
    expect(states).toEqual([{ kind: 'signed-out' }]);
  });
});

describe('parseStatus', () => {
  it('rejects what is not a status change', () => {
    expect(parseStatus('{"orderId":"o","sequence":1,"status":"EATEN","at":"x"}')).toBeNull();
    expect(parseStatus('nope')).toBeNull();
  });
});
