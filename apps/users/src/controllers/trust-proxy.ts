import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { AuthConfig } from '@galley/config';
import { AUTH_CONFIG } from '../config/auth-config.token';

/**
 * Lets the per-address rate limit see the client's address behind the gateway: Express takes it
 * from X-Forwarded-For when the peer is a trusted proxy (TRUST_PROXY).
 */
@Injectable()
export class TrustProxySetting implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  onModuleInit(): void {
    const app = this.adapterHost.httpAdapter?.getInstance() as { set?: (name: string, value: unknown) => void } | undefined;
    const trusted = this.config.TRUST_PROXY.split(',').map((part) => part.trim()).filter(Boolean);
    app?.set?.('trust proxy', trusted.length > 0 ? trusted : false);
  }
}
