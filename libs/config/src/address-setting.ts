import { isIP } from 'node:net';
import { ValidateBy, ValidationOptions } from 'class-validator';

/** The names Express's "trust proxy" also understands, as the ranges they stand for. */
export const NAMED_ADDRESS_RANGES: Readonly<Record<string, readonly string[]>> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

/** Whether `entry` is an address, a CIDR (`10.0.0.0/8`, `fd00::/8`) or one of loopback, linklocal, uniquelocal. */
export function isAddressListEntry(entry: string): boolean {
  const value = entry.trim().toLowerCase();
  if (NAMED_ADDRESS_RANGES[value]) return true;
  const [address, prefix, ...rest] = value.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/** A comma-separated setting of addresses, CIDRs and range names (empty allowed). */
export function IsAddressList(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isAddressList',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          value
            .split(',')
            .map((entry) => entry.trim())
            .filter(Boolean)
            .every(isAddressListEntry),
        defaultMessage: () => 'must be a comma-separated list of IP addresses, CIDRs (10.0.0.0/8) or loopback, linklocal, uniquelocal',
      },
    },
    options,
  );
}
