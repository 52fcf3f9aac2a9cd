import { Inject, Injectable } from '@nestjs/common';
import { OpenAPIObject } from '@nestjs/swagger';
import { GatewayConfig, SERVICE_NAMES, upstreamUrlVariable } from '@galley/config';
import { GATEWAY_CONFIG } from '../config/gateway-config.token';
import { GATEWAY_PATHS } from './gateway-routes.openapi';
import { mergeOpenApi } from './merge-openapi';

const CACHE_MS = 30_000;

/** Fetches each service's OpenAPI document (cached briefly) and serves them as one. */
@Injectable()
export class OpenApiAggregator {
  private cache?: { at: number; document: OpenAPIObject };

  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {}

  async merged(base: OpenAPIObject): Promise<OpenAPIObject> {
    if (this.cache && Date.now() - this.cache.at < CACHE_MS) return this.cache.document;
    const docs = await Promise.all(
      SERVICE_NAMES.map(async (service) => {
        const url = `${this.config[upstreamUrlVariable(service) as keyof GatewayConfig] as string}/docs-json`;
        try {
          const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
          return [service, res.ok ? ((await res.json()) as OpenAPIObject) : undefined] as const;
        } catch {
          return [service, undefined] as const;
        }
      }),
    );
    const document = mergeOpenApi({ ...base, paths: { ...base.paths, ...GATEWAY_PATHS } }, Object.fromEntries(docs));
    // Only a complete document is cached, so a service that was down shows up once it is back.
    if (docs.every(([, doc]) => doc)) this.cache = { at: Date.now(), document };
    return document;
  }
}
