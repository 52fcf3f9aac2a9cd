// The config classes the deployment checks compare the deployment files with (split out of
// deployment-files.spec.ts): their keys, required and production-required keys, and validation.
import 'reflect-metadata';
import { join } from 'node:path';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import express from 'express';
import { AppName, AuthConfig, ConfigValidationError, DEFAULT_PORTS, GatewayConfig, ServiceConfig, ServiceName, databaseRoleFor, loadConfig } from '@galley/config';
import { InventoryConfig } from '../../apps/inventory/src/config/inventory-config';
import { OrdersConfig } from '../../apps/orders/src/config/orders-config';
import { PaymentsConfig } from '../../apps/payments/src/config/payments-config';
import { ReviewsConfig } from '../../apps/reviews/src/config/reviews-config';

export const ROOT = join(__dirname, '..', '..');
export const K8S_DIR = join(ROOT, 'k8s');
export const NAMESPACE = 'galley';
export const SECRET_TEMPLATE = 'secrets.template.yaml';
export const PLACEHOLDER = 'REPLACE_ME';
/** What an operator puts in place of a placeholder whose format the config checks (a Stripe key has a prefix). */
export const PLACEHOLDER_SHAPES: Record<string, string> = {
  STRIPE_WEBHOOK_SECRET: 'whsec_from_the_stripe_dashboard',
  STRIPE_SECRET_KEY: 'sk_live_from_the_stripe_dashboard',
  STRIPE_PUBLISHABLE_KEY: 'pk_live_from_the_stripe_dashboard',
  STREAM_TICKET_SECRET: 'output-of-openssl-rand-base64-32-goes-here=',
};
/** Migrations of every service, then the topics (scripts/setup-services.ts, as `npm start` runs it). */
export const MIGRATE_SCRIPT = 'dist/scripts/setup-services.js';

/** Where the users service publishes the access-token public keys (apps/users JwksController). */
export const JWKS_PATH = '/.well-known/jwks.json';
/** Variables whose values are credentials: set from Secrets only, never inline or from a ConfigMap. */
export const SECRET_VARIABLES = [
  'DB_PASSWORD',
  'JWT_PRIVATE_KEY',
  'ADMIN_PASSWORD',
  'KAFKA_SASL_PASSWORD',
  'STRIPE_SECRET_KEY',
  'STRIPE_WEBHOOK_SECRET',
  'IMAGE_S3_SECRET_ACCESS_KEY',
  'STREAM_TICKET_SECRET',
];
/** Peers that must not be trusted to set X-Forwarded-For: a public address (TEST-NET-3). */
export const PUBLIC_ADDRESS = '203.0.113.7';

/** The per-service password variable that the migration script reads instead of DB_PASSWORD. */
export const migrationPasswordVariable = (service: ServiceName) => `DB_PASSWORD_${service.toUpperCase()}`;

/** The settings the migration script derives for one service from its environment. */
export function migrationEnvFor(service: ServiceName, env: Record<string, string>): Record<string, string> {
  const shared = Object.fromEntries(Object.entries(env).filter(([key]) => !key.startsWith('DB_PASSWORD_')));
  return {
    ...shared,
    PORT: String(DEFAULT_PORTS[service]),
    DB_USER: databaseRoleFor(service),
    DB_PASSWORD: env[migrationPasswordVariable(service)] ?? '',
  };
}

// ---------------------------------------------------------------------------------------------
// Config classes: which variables an app reads, and which it cannot start without.

export type ConfigClass = new () => object;

/** The config classes an app loads from its one environment (apps/<app>/src/main.ts). */
export function configClassesFor(app: AppName): ConfigClass[] {
  if (app === 'gateway') return [GatewayConfig];
  if (app === 'users') return [ServiceConfig, AuthConfig];
  if (app === 'inventory') return [ServiceConfig, InventoryConfig];
  if (app === 'orders') return [ServiceConfig, OrdersConfig];
  if (app === 'payments') return [ServiceConfig, PaymentsConfig];
  if (app === 'reviews') return [ServiceConfig, ReviewsConfig];
  return [ServiceConfig];
}

export function validationMetadata(schema: ConfigClass) {
  return getMetadataStorage().getTargetValidationMetadatas(schema, '', true, false);
}

/** Every property the class validates or initialises: the variables the app reads. */
export function configKeys(schema: ConfigClass): string[] {
  const validated = validationMetadata(schema).map((metadata) => metadata.propertyName);
  return [...new Set([...validated, ...Object.keys(new schema())])].sort();
}

/** Validated properties with neither a default value nor @IsOptional(). */
export function requiredKeys(schema: ConfigClass): string[] {
  const defaults = new schema() as Record<string, unknown>;
  const optional = new Set(
    validationMetadata(schema)
      .filter((metadata) => metadata.type === ValidationTypes.CONDITIONAL_VALIDATION)
      .map((metadata) => metadata.propertyName),
  );
  return configKeys(schema).filter((key) => defaults[key] === undefined && !optional.has(key));
}

export function configProblems(schema: ConfigClass, env: Record<string, string>): string[] {
  try {
    loadConfig(schema, env);
    return [];
  } catch (error) {
    return [String((error as Error).message)];
  }
}

/** The keys that a failed load names (the part of each problem before the colon). */
export function badKeys(schema: ConfigClass, env: Record<string, string>): string[] {
  try {
    loadConfig(schema, env);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    return error.problems.map((problem) => problem.split(':')[0]);
  }
}

/**
 * What a production start cannot do without: the keys a load of NODE_ENV=production alone
 * names. Includes conditionally required keys (e.g. JWT_PRIVATE_KEY, @ValidateIf production),
 * which requiredKeys counts as optional; keys with a valid default never appear.
 */
export function productionRequiredKeys(schema: ConfigClass): string[] {
  return [...new Set(badKeys(schema, { NODE_ENV: 'production' }))].sort();
}

// An app reads several config classes from the same environment: the union of their keys.
export const union = (lists: string[][]) => [...new Set(lists.flat())].sort();
export const configKeysOf = (schemas: ConfigClass[]) => union(schemas.map(configKeys));
export const requiredKeysOf = (schemas: ConfigClass[]) => union(schemas.map(requiredKeys));
export const productionRequiredKeysOf = (schemas: ConfigClass[]) => union(schemas.map(productionRequiredKeys));
export const configProblemsOf = (schemas: ConfigClass[], env: Record<string, string>) => schemas.flatMap((schema) => configProblems(schema, env));

/** One AuthConfig setting as the users service gets it: set and non-empty, else the default. */
export function authSetting(env: Record<string, string>, key: 'TRUST_PROXY' | 'JWT_KEY_FILE'): string {
  return env[key] || new AuthConfig()[key];
}

/** Whether the app trusts a peer's X-Forwarded-For, as Express applies TRUST_PROXY (apps/users trust-proxy.ts). */
export function trustsProxy(env: Record<string, string>, address: string): boolean {
  const trusted = authSetting(env, 'TRUST_PROXY')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const app = express();
  app.set('trust proxy', trusted.length > 0 ? trusted : false);
  const trust = app.get('trust proxy fn') as (address: string, hop: number) => boolean;
  return trust(address, 0);
}

/** Where a JWKS URL points, with a Kubernetes Service's namespace suffix removed from the host. */
export function jwksTarget(url: string | undefined): { protocol: string; host: string; port: number; path: string } {
  const parsed = new URL(url ?? 'invalid://');
  const host = parsed.hostname.replace(new RegExp(`\\.${NAMESPACE}(\\.svc(\\.cluster\\.local)?)?$`), '');
  return { protocol: parsed.protocol, host, port: Number(parsed.port), path: parsed.pathname };
}

/** ingress-nginx's size syntax (proxy-body-size): bytes, or with a k/m/g suffix; 0 is unlimited. */
export function nginxSizeBytes(size: string): number {
  const match = /^(\d+)([kKmMgG]?)$/.exec(size.trim());
  if (!match) return NaN;
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[match[2].toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Number(match[1]) * unit;
}

// ---------------------------------------------------------------------------------------------
// Kubernetes manifests: each overlay of k8s/overlays rendered by `kubectl kustomize` (what
// `kubectl apply -k` sends), each object validated by kubernetes-models. The Secret template
// stands in for the Secrets that the operator creates (k8s/README.md).
