import { BlockList, isIP } from 'node:net';
import { isAddressListEntry, NAMED_ADDRESS_RANGES } from '@galley/config';

/** An address as the socket or a header gives it, with an IPv4-mapped IPv6 form (`::ffff:1.2.3.4`) as plain IPv4. */
export function normalizeAddress(address: string): string {
  const trimmed = address.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return mapped ? mapped[1] : trimmed;
}

/**
 * A set of addresses and ranges (see `isAddressListEntry`), for deciding which peers are trusted
 * proxies. Entries must have been validated (the config classes do it); a bad one throws.
 */
export class AddressList {
  private readonly list = new BlockList();
  readonly empty: boolean;

  constructor(entries: readonly string[]) {
    const expanded = entries
      .map((entry) => entry.trim().toLowerCase())
      .filter(Boolean)
      .flatMap((entry) => NAMED_ADDRESS_RANGES[entry] ?? [entry]);
    this.empty = expanded.length === 0;
    for (const entry of expanded) {
      if (!isAddressListEntry(entry)) throw new Error(`not an address, CIDR or range name: ${entry}`);
      const [address, prefix] = entry.split('/');
      const family = isIP(address) === 4 ? 'ipv4' : 'ipv6';
      if (prefix === undefined) this.list.addAddress(address, family);
      else this.list.addSubnet(address, Number(prefix), family);
    }
  }

  /** Parses a comma-separated setting (`loopback, 10.0.0.0/8`). */
  static parse(setting: string): AddressList {
    return new AddressList(setting.split(','));
  }

  has(address: string | undefined): boolean {
    if (!address) return false;
    const normalized = normalizeAddress(address);
    const family = isIP(normalized);
    if (family === 0) return false;
    return this.list.check(normalized, family === 4 ? 'ipv4' : 'ipv6');
  }
}
