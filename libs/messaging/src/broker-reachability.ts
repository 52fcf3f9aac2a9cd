import net from 'node:net';

/**
 * Whether any of `brokers` ("host:port", IPv6 as "[::1]:9092") accepts a TCP connection within `timeoutMs`. A cheap
 * check before a kafkajs connect: kafkajs retries an unreachable broker inside one connect for about 40 s, which no
 * caller can cut short, so a service stopped meanwhile would wait for it (and log every retry) after shutdown.
 */
export async function anyBrokerAccepts(brokers: readonly string[], timeoutMs: number): Promise<boolean> {
  const attempts = brokers.map((broker) => accepts(broker, timeoutMs));
  return (await Promise.all(attempts)).some(Boolean);
}

function accepts(broker: string, timeoutMs: number): Promise<boolean> {
  const match = /^\[?([^\]]+?)\]?:(\d+)$/.exec(broker.trim());
  if (!match) return Promise.resolve(false);
  const [, host, port] = match;
  return new Promise((resolve) => {
    const socket = net.createConnection({ host, port: Number(port) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
