import { isIP } from 'node:net';
import { AddressList, normalizeAddress } from '@galley/platform';

/** Which hops in front of the gateway may be believed about the client's address. */
export interface TrustedIngress {
  /** The number of proxies in front of the gateway (TRUSTED_INGRESS_HOPS): the nearest `hops` hops are trusted whoever they are. */
  hops: number;
  /** Addresses and ranges of trusted proxies (TRUSTED_INGRESS_CIDRS), trusted at any position. */
  addresses: AddressList;
}

/**
 * The client's address, the one value the gateway sends on as X-Forwarded-For. The chain is the
 * socket's peer followed by the incoming X-Forwarded-For entries from right to left (each proxy
 * appends the address it saw). Walking it from the peer, a hop is trusted when it is one of the
 * nearest `hops` or listed in `addresses`; the answer is the first hop that is not trusted (the
 * right-most untrusted address), or the left-most entry when every hop is trusted. With nothing
 * trusted (the default) it is the peer, and whatever the client wrote in the header is ignored.
 * An entry that is not an IP address ends the walk at the trusted hop that passed it on.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, trust: TrustedIngress): string {
  const socket = normalizeAddress(peer ?? '');
  if (trust.hops === 0 && trust.addresses.empty) return socket;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
  const chain = [socket, ...header.split(',').map(normalizeAddress).filter(Boolean).reverse()];
  for (let i = 0; i < chain.length; i += 1) {
    if (isIP(chain[i]) === 0) return chain[i - 1] ?? socket;
    const trusted = i < trust.hops || trust.addresses.has(chain[i]);
    if (!trusted || i === chain.length - 1) return chain[i];
  }
  return socket;
}
