import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { AuthConfig } from '@galley/config';
import { AddressList } from '@galley/platform';
import { AUTH_CONFIG } from '../config/auth-config.token';

/**
 * Express's "trust proxy" for users: exactly one hop, the gateway. When the socket's peer is in
 * TRUST_PROXY, the client is the right-most X-Forwarded-For entry (the one value the gateway sets);
 * addresses further left are never believed, and a peer outside TRUST_PROXY is the client itself.
 */
export function trustOneHop(trusted: AddressList): (address: string, hop: number) => boolean {
  return (address, hop) => hop === 0 && trusted.has(address);
}

/** Lets the per-address rate limit see the client's address behind the gateway (`req.ip`). */
@Injectable()
export class TrustProxySetting implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  onModuleInit(): void {
    const app = this.adapterHost.httpAdapter?.getInstance() as { set?: (name: string, value: unknown) => void } | undefined;
    const trusted = AddressList.parse(this.config.TRUST_PROXY);
    app?.set?.('trust proxy', trusted.empty ? false : trustOneHop(trusted));
  }
}
