import 'reflect-metadata';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import express from 'express';
import { Deployment, type IDeployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler, type IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Job, type IJob } from 'kubernetes-models/batch/v1';
import { Ingress, type IIngress } from 'kubernetes-models/networking.k8s.io/v1';
import {
  ConfigMap,
  Namespace,
  Secret,
  Service,
  type IConfigMap,
  type IContainer,
  type IPodSpec,
  type IProbe,
  type ISecret,
  type IService,
} from 'kubernetes-models/v1';
import * as ts from 'typescript';
import { parse, parseAllDocuments } from 'yaml';
import {
  APP_NAMES,
  AppName,
  AuthConfig,
  ConfigValidationError,
  DEFAULT_PORTS,
  GatewayConfig,
  SERVICE_NAMES,
  ServiceConfig,
  ServiceName,
  databaseRoleFor,
  loadConfig,
  upstreamUrlVariable,
} from '@galley/config';
import { InventoryConfig } from '../../apps/inventory/src/config/inventory-config';
import { OrdersConfig } from '../../apps/orders/src/config/orders-config';
import { PaymentsConfig } from '../../apps/payments/src/config/payments-config';
import { ReviewsConfig } from '../../apps/reviews/src/config/reviews-config';

// Offline checks of the deployment files (Dockerfile, docker-compose.yml, deploy/, k8s/) against
// the code they deploy: app names, ports, health endpoints and the config classes' variables.

const ROOT = join(__dirname, '..', '..');
const K8S_DIR = join(ROOT, 'k8s');
const NAMESPACE = 'galley';
const SECRET_TEMPLATE = 'secrets.template.yaml';
const PLACEHOLDER = 'REPLACE_ME';
/** What an operator puts in place of a placeholder whose format the config checks (a Stripe key has a prefix). */
const PLACEHOLDER_SHAPES: Record<string, string> = {
  STRIPE_WEBHOOK_SECRET: 'whsec_from_the_stripe_dashboard',
  STRIPE_SECRET_KEY: 'sk_live_from_the_stripe_dashboard',
  STRIPE_PUBLISHABLE_KEY: 'pk_live_from_the_stripe_dashboard',
};
/** Migrations of every service, then the topics (scripts/setup-services.ts, as `npm start` runs it). */
const MIGRATE_SCRIPT = 'dist/scripts/setup-services.js';

/** Where the users service publishes the access-token public keys (apps/users JwksController). */
const JWKS_PATH = '/.well-known/jwks.json';
/** Variables whose values are credentials: set from Secrets only, never inline or from a ConfigMap. */
const SECRET_VARIABLES = ['DB_PASSWORD', 'JWT_PRIVATE_KEY', 'ADMIN_PASSWORD'];
/** Peers that must not be trusted to set X-Forwarded-For: a public address (TEST-NET-3). */
const PUBLIC_ADDRESS = '203.0.113.7';

/** The per-service password variable that the migration script reads instead of DB_PASSWORD. */
const migrationPasswordVariable = (service: ServiceName) => `DB_PASSWORD_${service.toUpperCase()}`;

/** The settings the migration script derives for one service from its environment. */
function migrationEnvFor(service: ServiceName, env: Record<string, string>): Record<string, string> {
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

type ConfigClass = new () => object;

/** The config classes an app loads from its one environment (apps/<app>/src/main.ts). */
function configClassesFor(app: AppName): ConfigClass[] {
  if (app === 'gateway') return [GatewayConfig];
  if (app === 'users') return [ServiceConfig, AuthConfig];
  if (app === 'inventory') return [ServiceConfig, InventoryConfig];
  if (app === 'orders') return [ServiceConfig, OrdersConfig];
  if (app === 'payments') return [ServiceConfig, PaymentsConfig];
  if (app === 'reviews') return [ServiceConfig, ReviewsConfig];
  return [ServiceConfig];
}

function validationMetadata(schema: ConfigClass) {
  return getMetadataStorage().getTargetValidationMetadatas(schema, '', true, false);
}

/** Every property the class validates or initialises: the variables the app reads. */
function configKeys(schema: ConfigClass): string[] {
  const validated = validationMetadata(schema).map((metadata) => metadata.propertyName);
  return [...new Set([...validated, ...Object.keys(new schema())])].sort();
}

/** Validated properties with neither a default value nor @IsOptional(). */
function requiredKeys(schema: ConfigClass): string[] {
  const defaults = new schema() as Record<string, unknown>;
  const optional = new Set(
    validationMetadata(schema)
      .filter((metadata) => metadata.type === ValidationTypes.CONDITIONAL_VALIDATION)
      .map((metadata) => metadata.propertyName),
  );
  return configKeys(schema).filter((key) => defaults[key] === undefined && !optional.has(key));
}

function configProblems(schema: ConfigClass, env: Record<string, string>): string[] {
  try {
    loadConfig(schema, env);
    return [];
  } catch (error) {
    return [String((error as Error).message)];
  }
}

/** The keys that a failed load names (the part of each problem before the colon). */
function badKeys(schema: ConfigClass, env: Record<string, string>): string[] {
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
function productionRequiredKeys(schema: ConfigClass): string[] {
  return [...new Set(badKeys(schema, { NODE_ENV: 'production' }))].sort();
}

// An app reads several config classes from the same environment: the union of their keys.
const union = (lists: string[][]) => [...new Set(lists.flat())].sort();
const configKeysOf = (schemas: ConfigClass[]) => union(schemas.map(configKeys));
const requiredKeysOf = (schemas: ConfigClass[]) => union(schemas.map(requiredKeys));
const productionRequiredKeysOf = (schemas: ConfigClass[]) => union(schemas.map(productionRequiredKeys));
const configProblemsOf = (schemas: ConfigClass[], env: Record<string, string>) =>
  schemas.flatMap((schema) => configProblems(schema, env));

/** One AuthConfig setting as the users service gets it: set and non-empty, else the default. */
function authSetting(env: Record<string, string>, key: 'TRUST_PROXY' | 'JWT_KEY_FILE'): string {
  return env[key] || new AuthConfig()[key];
}

/** Whether the app trusts a peer's X-Forwarded-For, as Express applies TRUST_PROXY (apps/users trust-proxy.ts). */
function trustsProxy(env: Record<string, string>, address: string): boolean {
  const trusted = authSetting(env, 'TRUST_PROXY').split(',').map((part) => part.trim()).filter(Boolean);
  const app = express();
  app.set('trust proxy', trusted.length > 0 ? trusted : false);
  const trust = app.get('trust proxy fn') as (address: string, hop: number) => boolean;
  return trust(address, 0);
}

/** Where a JWKS URL points, with a Kubernetes Service's namespace suffix removed from the host. */
function jwksTarget(url: string | undefined): { protocol: string; host: string; port: number; path: string } {
  const parsed = new URL(url ?? 'invalid://');
  const host = parsed.hostname.replace(new RegExp(`\\.${NAMESPACE}(\\.svc(\\.cluster\\.local)?)?$`), '');
  return { protocol: parsed.protocol, host, port: Number(parsed.port), path: parsed.pathname };
}

/** ingress-nginx's size syntax (proxy-body-size): bytes, or with a k/m/g suffix; 0 is unlimited. */
function nginxSizeBytes(size: string): number {
  const match = /^(\d+)([kKmMgG]?)$/.exec(size.trim());
  if (!match) return NaN;
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[match[2].toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Number(match[1]) * unit;
}

// ---------------------------------------------------------------------------------------------
// Kubernetes manifests: parsed from k8s/*.yaml, each object validated by kubernetes-models.

interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata?: { name?: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

interface Manifest {
  file: string;
  object: KubeObject;
}

interface ModelEntry {
  create: (data: never) => { validate(): void };
  /** The kubernetes-models declaration of the kind, for the unknown-field check. */
  module: string;
  type: string;
}

const MODELS: Record<string, ModelEntry> = {
  'v1/Namespace': { create: (d) => new Namespace(d), module: 'kubernetes-models/v1/Namespace', type: 'INamespace' },
  'v1/ConfigMap': { create: (d) => new ConfigMap(d), module: 'kubernetes-models/v1/ConfigMap', type: 'IConfigMap' },
  'v1/Secret': { create: (d) => new Secret(d), module: 'kubernetes-models/v1/Secret', type: 'ISecret' },
  'v1/Service': { create: (d) => new Service(d), module: 'kubernetes-models/v1/Service', type: 'IService' },
  'apps/v1/Deployment': {
    create: (d) => new Deployment(d),
    module: 'kubernetes-models/apps/v1/Deployment',
    type: 'IDeployment',
  },
  'autoscaling/v2/HorizontalPodAutoscaler': {
    create: (d) => new HorizontalPodAutoscaler(d),
    module: 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler',
    type: 'IHorizontalPodAutoscaler',
  },
  'networking.k8s.io/v1/Ingress': {
    create: (d) => new Ingress(d),
    module: 'kubernetes-models/networking.k8s.io/v1/Ingress',
    type: 'IIngress',
  },
  'batch/v1/Job': { create: (d) => new Job(d), module: 'kubernetes-models/batch/v1/Job', type: 'IJob' },
};

const modelKey = (object: KubeObject) => `${object.apiVersion}/${object.kind}`;
const describeObject = ({ file, object }: Manifest) => `${file}: ${object.kind}/${object.metadata?.name}`;

function manifestFiles(): string[] {
  return readdirSync(K8S_DIR)
    .filter((file) => /\.ya?ml$/.test(file) && file !== 'kustomization.yaml')
    .sort();
}

function loadManifests(): { manifests: Manifest[]; yamlErrors: string[] } {
  const manifests: Manifest[] = [];
  const yamlErrors: string[] = [];
  for (const file of manifestFiles()) {
    for (const document of parseAllDocuments(readFileSync(join(K8S_DIR, file), 'utf8'))) {
      yamlErrors.push(...[...document.errors, ...document.warnings].map((error) => `${file}: ${error.message}`));
      const object: unknown = document.toJS();
      if (object === null || object === undefined) continue;
      manifests.push({ file, object: object as KubeObject });
    }
  }
  return { manifests, yamlErrors };
}

/** TypeScript's excess-property check on the manifests as object literals of the API types. */
function unknownFieldErrors(manifests: Manifest[]): string[] {
  const fileName = join(ROOT, '__k8s_manifest_fields__.ts');
  const lines: string[] = [];
  const starts: { line: number; owner: string }[] = [];
  manifests.forEach((manifest, index) => {
    const entry = MODELS[modelKey(manifest.object)];
    if (!entry) return;
    starts.push({ line: lines.length, owner: describeObject(manifest) });
    lines.push(`import type { ${entry.type} as T${index} } from '${entry.module}';`);
    lines.push(`export const o${index}: T${index} = ${JSON.stringify(manifest.object, null, 1)};`);
  });
  const ownerOfLine = (line: number) => [...starts].reverse().find((start) => start.line <= line)?.owner ?? '?';
  const source = lines.join('\n');
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    ignoreDeprecations: '6.0',
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, languageVersion, ...rest) =>
    name === fileName ? ts.createSourceFile(name, source, languageVersion) : getSourceFile(name, languageVersion, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === fileName || fileExists(name);
  const program = ts.createProgram([fileName], options, host);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
    if (!diagnostic.file || diagnostic.start === undefined) return message;
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${ownerOfLine(line)}: ${message}`;
  });
}

type EnvSource = 'value' | 'ConfigMap' | 'Secret' | 'downward API';

class Cluster {
  readonly manifests: Manifest[];
  readonly yamlErrors: string[];

  constructor() {
    ({ manifests: this.manifests, yamlErrors: this.yamlErrors } = loadManifests());
  }

  /** What `kubectl apply -k k8s/` creates: everything but the Secret template. */
  get applied(): Manifest[] {
    return this.manifests.filter((manifest) => manifest.file !== SECRET_TEMPLATE);
  }

  get secretTemplate(): Manifest[] {
    return this.manifests.filter((manifest) => manifest.file === SECRET_TEMPLATE);
  }

  all<T>(kind: string, manifests = this.manifests): T[] {
    return manifests.filter((manifest) => manifest.object.kind === kind).map((manifest) => manifest.object as T);
  }

  find<T>(kind: string, name: string): T | undefined {
    return this.all<T & KubeObject>(kind).find((object) => object.metadata?.name === name);
  }

  /** Pod templates of every workload, to check that selectors pick only their own pods. */
  podTemplates(): { owner: string; labels: Record<string, string> }[] {
    return [
      ...this.all<IDeployment>('Deployment').map((d) => ({
        owner: `Deployment/${d.metadata?.name}`,
        labels: d.spec?.template.metadata?.labels ?? {},
      })),
      ...this.all<IJob>('Job').map((j) => ({
        owner: `Job/${j.metadata?.name}`,
        labels: j.spec?.template.metadata?.labels ?? {},
      })),
    ];
  }

  /**
   * The environment a container gets, with Secret values from the template (placeholders), where
   * each variable comes from (`env` overrides `envFrom`, as in Kubernetes), and every reference
   * that does not resolve.
   */
  resolveEnv(container: IContainer): { env: Record<string, string>; sources: Record<string, EnvSource>; problems: string[] } {
    const env: Record<string, string> = {};
    const sources: Record<string, EnvSource> = {};
    const problems: string[] = [];
    const configMap = (name: string) => this.find<IConfigMap>('ConfigMap', name);
    const secretData = (name: string): Record<string, string> | undefined => {
      const secret = this.find<ISecret>('Secret', name);
      if (!secret) return undefined;
      const decoded = Object.entries(secret.data ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64').toString()]);
      return { ...Object.fromEntries(decoded), ...(secret.stringData ?? {}) };
    };
    for (const source of container.envFrom ?? []) {
      const prefix = source.prefix ?? '';
      const name = source.configMapRef?.name ?? source.secretRef?.name ?? '';
      const data = source.configMapRef ? configMap(name)?.data : secretData(name);
      if (!data) {
        problems.push(`envFrom ${source.configMapRef ? 'ConfigMap' : 'Secret'} "${name}" does not exist`);
        continue;
      }
      for (const [key, value] of Object.entries(data)) {
        env[prefix + key] = value;
        sources[prefix + key] = source.configMapRef ? 'ConfigMap' : 'Secret';
      }
    }
    for (const variable of container.env ?? []) {
      const from = variable.valueFrom;
      if (!from) {
        env[variable.name] = variable.value ?? '';
        sources[variable.name] = 'value';
      } else if (from.configMapKeyRef) {
        const value = configMap(from.configMapKeyRef.name ?? '')?.data?.[from.configMapKeyRef.key];
        if (value === undefined) problems.push(`${variable.name}: ConfigMap key ${JSON.stringify(from.configMapKeyRef)} does not exist`);
        else env[variable.name] = value;
        sources[variable.name] = 'ConfigMap';
      } else if (from.secretKeyRef) {
        const value = secretData(from.secretKeyRef.name ?? '')?.[from.secretKeyRef.key];
        if (value === undefined) problems.push(`${variable.name}: Secret key ${JSON.stringify(from.secretKeyRef)} does not exist`);
        else env[variable.name] = value === PLACEHOLDER ? (PLACEHOLDER_SHAPES[variable.name] ?? value) : value;
        sources[variable.name] = 'Secret';
      } else {
        env[variable.name] = 'from-the-downward-api';
        sources[variable.name] = 'downward API';
      }
    }
    return { env, sources, problems };
  }
}

function containerPort(container: IContainer, port: number | string | undefined): number | undefined {
  if (typeof port === 'number') return port;
  return container.ports?.find((candidate) => candidate.name === port)?.containerPort;
}

function probeTarget(container: IContainer, probe: IProbe | undefined): { path?: string; port?: number } {
  return { path: probe?.httpGet?.path, port: containerPort(container, probe?.httpGet?.port) };
}

function matchesSelector(selector: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.entries(selector).every(([key, value]) => labels[key] === value);
}

function podSecurityProblems(pod: IPodSpec | undefined): string[] {
  const problems: string[] = [];
  for (const container of pod?.containers ?? []) {
    const runAsNonRoot = container.securityContext?.runAsNonRoot ?? pod?.securityContext?.runAsNonRoot;
    const runAsUser = container.securityContext?.runAsUser ?? pod?.securityContext?.runAsUser;
    if (runAsNonRoot !== true) problems.push(`${container.name}: runAsNonRoot is not true`);
    if (runAsUser === 0) problems.push(`${container.name}: runAsUser is 0`);
    if (container.securityContext?.allowPrivilegeEscalation !== false) {
      problems.push(`${container.name}: allowPrivilegeEscalation is not false`);
    }
  }
  return problems;
}

/** The Secrets a pod can read: env and envFrom references and secret volumes. */
function referencedSecrets(pod: IPodSpec | undefined): string[] {
  const containers = [...(pod?.initContainers ?? []), ...(pod?.containers ?? [])];
  return [
    ...containers.flatMap((container) => (container.env ?? []).map((variable) => variable.valueFrom?.secretKeyRef?.name)),
    ...containers.flatMap((container) => (container.envFrom ?? []).map((source) => source.secretRef?.name)),
    ...(pod?.volumes ?? []).map((volume) => volume.secret?.secretName),
  ].filter((name): name is string => name !== undefined);
}

function resourceProblems(pod: IPodSpec | undefined): string[] {
  return (pod?.containers ?? []).flatMap((container) =>
    (['requests', 'limits'] as const).flatMap((bound) =>
      (['cpu', 'memory'] as const)
        .filter((resource) => container.resources?.[bound]?.[resource] === undefined)
        .map((resource) => `${container.name}: no ${resource} ${bound}`),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// docker-compose.yml: no schema library is installed, so its structure is checked by hand.

interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string; args?: Record<string, string> };
  environment?: Record<string, unknown>;
  depends_on?: string[] | Record<string, { condition?: string }>;
  ports?: (string | number)[];
  volumes?: (string | { type?: string; source?: string; target?: string })[];
  healthcheck?: { test?: string | string[] };
  command?: string | string[];
  [field: string]: unknown;
}

interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
  [field: string]: unknown;
}

function loadCompose(): { compose: ComposeFile; yamlErrors: string[] } {
  const text = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
  const yamlErrors: string[] = [];
  const documents = parseAllDocuments(text, { merge: true });
  for (const document of documents) {
    yamlErrors.push(...[...document.errors, ...document.warnings].map((error) => error.message));
  }
  if (documents.length !== 1) yamlErrors.push(`expected one YAML document, found ${documents.length}`);
  return { compose: parse(text, { merge: true }) as ComposeFile, yamlErrors };
}

const TOP_LEVEL_KEYS = new Set(['name', 'services', 'volumes', 'networks', 'configs', 'secrets', 'include', 'version']);
const SERVICE_KEYS = new Set([
  'image', 'build', 'command', 'entrypoint', 'environment', 'env_file', 'depends_on', 'ports', 'expose',
  'volumes', 'healthcheck', 'restart', 'init', 'networks', 'user', 'working_dir', 'labels', 'profiles',
  'stop_grace_period', 'stop_signal', 'deploy', 'logging', 'ulimits', 'tmpfs', 'read_only', 'container_name',
  'hostname', 'extra_hosts', 'cap_drop', 'cap_add', 'security_opt', 'platform', 'pull_policy', 'shm_size',
]);
const DEPENDS_ON_CONDITIONS = new Set(['service_started', 'service_healthy', 'service_completed_successfully']);

function dependsOnNames(service: ComposeService): string[] {
  const dependsOn = service.depends_on ?? [];
  return Array.isArray(dependsOn) ? dependsOn : Object.keys(dependsOn);
}

function dependencyCondition(service: ComposeService, name: string): string | undefined {
  const dependsOn = service.depends_on;
  if (!dependsOn) return undefined;
  if (Array.isArray(dependsOn)) return dependsOn.includes(name) ? 'service_started' : undefined;
  return dependsOn[name] ? (dependsOn[name].condition ?? 'service_started') : undefined;
}

function composeStructureProblems(compose: ComposeFile): string[] {
  const problems: string[] = [];
  if (typeof compose !== 'object' || compose === null) return ['the file is not a mapping'];
  for (const key of Object.keys(compose)) {
    if (!TOP_LEVEL_KEYS.has(key) && !key.startsWith('x-')) problems.push(`unknown top-level key ${key}`);
  }
  const services = compose.services;
  if (typeof services !== 'object' || services === null || Object.keys(services).length === 0) {
    return [...problems, 'services is not a non-empty mapping'];
  }
  const declaredVolumes = new Set(Object.keys(compose.volumes ?? {}));
  for (const [name, service] of Object.entries(services)) {
    const at = `services.${name}`;
    if (!/^[a-z0-9][a-z0-9_.-]*$/.test(name)) problems.push(`${at}: invalid service name`);
    for (const key of Object.keys(service)) {
      if (!SERVICE_KEYS.has(key) && !key.startsWith('x-')) problems.push(`${at}: unknown key ${key}`);
    }
    if (service.image === undefined && service.build === undefined) problems.push(`${at}: neither image nor build`);
    if (service.image !== undefined && typeof service.image !== 'string') problems.push(`${at}.image: not a string`);
    if (typeof service.build === 'object' && typeof service.build.context !== 'string') {
      problems.push(`${at}.build: no context`);
    }
    if (typeof service.build === 'object' && service.build.dockerfile !== undefined) {
      const dockerfile = join(ROOT, service.build.context ?? '.', service.build.dockerfile);
      if (!existsSync(dockerfile)) problems.push(`${at}.build.dockerfile: ${dockerfile} does not exist`);
    }
    if (service.environment !== undefined) {
      if (typeof service.environment !== 'object' || Array.isArray(service.environment)) {
        problems.push(`${at}.environment: not a mapping`);
      } else {
        for (const [key, value] of Object.entries(service.environment)) {
          if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) problems.push(`${at}.environment: invalid name ${key}`);
          if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) {
            problems.push(`${at}.environment.${key}: not a scalar`);
          }
        }
      }
    }
    for (const dependency of dependsOnNames(service)) {
      if (!services[dependency]) problems.push(`${at}.depends_on: no service ${dependency}`);
      if (dependency === name) problems.push(`${at}.depends_on: depends on itself`);
      const condition = dependencyCondition(service, dependency);
      if (condition && !DEPENDS_ON_CONDITIONS.has(condition)) problems.push(`${at}.depends_on.${dependency}: bad condition ${condition}`);
      if (condition === 'service_healthy' && !services[dependency]?.healthcheck) {
        problems.push(`${at}.depends_on.${dependency}: waits for health but ${dependency} has no healthcheck`);
      }
    }
    for (const port of service.ports ?? []) {
      if (!/^(\d+(\.\d+){3}:)?(\d+:)?\d+(\/(tcp|udp))?$/.test(String(port))) problems.push(`${at}.ports: bad entry ${port}`);
    }
    for (const volume of service.volumes ?? []) {
      const source = typeof volume === 'string' ? volume.split(':')[0] : (volume.source ?? '');
      if (typeof volume === 'string' && volume.split(':').length < 2) problems.push(`${at}.volumes: bad entry ${volume}`);
      if (/^[.\/~]/.test(source)) {
        if (!existsSync(join(ROOT, source))) problems.push(`${at}.volumes: ${source} does not exist`);
      } else if (source && !declaredVolumes.has(source)) {
        problems.push(`${at}.volumes: named volume ${source} is not declared`);
      }
    }
    const test = service.healthcheck?.test;
    if (service.healthcheck && !(typeof test === 'string' || (Array.isArray(test) && ['CMD', 'CMD-SHELL', 'NONE'].includes(test[0])))) {
      problems.push(`${at}.healthcheck.test: must be a string or start with CMD, CMD-SHELL or NONE`);
    }
  }
  return problems;
}

/** Which compose services a service needs before it starts, transitively. */
function transitiveDependencies(compose: ComposeFile, name: string, seen = new Set<string>()): Set<string> {
  for (const dependency of dependsOnNames(compose.services[name] ?? {})) {
    if (seen.has(dependency)) continue;
    seen.add(dependency);
    transitiveDependencies(compose, dependency, seen);
  }
  return seen;
}

function composeEnv(service: ComposeService | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(service?.environment ?? {}).map(([k, v]) => [k, v === null ? '' : String(v)]));
}

function imageName(image: string | undefined): string {
  return (image ?? '').replace(/[:@].*$/, '');
}

// =============================================================================================

describe('config classes read by the deployment checks', () => {
  it('lists the variables of ServiceConfig, including those without a default', () => {
    const sut = configKeys(ServiceConfig);

    expect(sut).toEqual(expect.arrayContaining(['NODE_ENV', 'PORT', 'DB_USER', 'DB_PASSWORD', 'KAFKA_BROKERS']));
    expect(sut).not.toContain('USERS_URL');
  });

  it('finds PORT and DB_USER required by services, and PORT defaulted by the gateway', () => {
    expect(requiredKeys(ServiceConfig)).toEqual(expect.arrayContaining(['PORT', 'DB_USER']));
    expect(requiredKeys(ServiceConfig)).not.toContain('DB_HOST');
    expect(requiredKeys(GatewayConfig)).not.toContain('PORT');
    expect(configKeys(GatewayConfig)).toEqual(expect.arrayContaining(SERVICE_NAMES.map(upstreamUrlVariable)));
  });

  it('reads ServiceConfig and AuthConfig for users, the gateway its own class', () => {
    expect(configClassesFor('users')).toEqual([ServiceConfig, AuthConfig]);
    expect(configClassesFor('gateway')).toEqual([GatewayConfig]);
    expect(configKeysOf(configClassesFor('users'))).toEqual(expect.arrayContaining(['DB_USER', 'JWT_PRIVATE_KEY', 'ADMIN_EMAIL', 'TRUST_PROXY']));
    expect(configKeysOf(configClassesFor('orders'))).not.toContain('JWT_PRIVATE_KEY');
  });

  it('finds JWT_PRIVATE_KEY required in production only, which requiredKeys cannot see', () => {
    expect(requiredKeys(AuthConfig)).not.toContain('JWT_PRIVATE_KEY');
    expect(productionRequiredKeys(AuthConfig)).toEqual(['JWT_PRIVATE_KEY']);
    expect(productionRequiredKeysOf(configClassesFor('users'))).toEqual(['DB_USER', 'JWT_PRIVATE_KEY', 'PORT']);
    expect(productionRequiredKeys(GatewayConfig)).toEqual([]);
    expect(badKeys(AuthConfig, { NODE_ENV: 'development' })).toEqual([]);
  });
});

describe('Kubernetes manifests in k8s/', () => {
  let sut: Cluster;

  beforeAll(() => {
    sut = new Cluster();
  });

  it('parse as YAML without errors or duplicate keys', () => {
    expect(sut.yamlErrors).toEqual([]);
    expect(sut.manifests.length).toBeGreaterThan(0);
  });

  it('hold only kinds with a known API model', () => {
    const unknown = sut.manifests.filter(({ object }) => !MODELS[modelKey(object)]).map(describeObject);

    expect(unknown).toEqual([]);
  });

  it('validate against the Kubernetes API schema of their kind', () => {
    const invalid = sut.manifests.flatMap((manifest) => {
      const entry = MODELS[modelKey(manifest.object)];
      if (!entry) return [];
      try {
        entry.create(manifest.object as never).validate();
        return [];
      } catch (error) {
        return [`${describeObject(manifest)}: ${(error as Error).message}`];
      }
    });

    expect(invalid).toEqual([]);
  });

  it('use no field that the Kubernetes API does not define', () => {
    expect(unknownFieldErrors(sut.manifests)).toEqual([]);
  }, 60_000);

  it('are named and live in the galley namespace, which they create', () => {
    const misplaced = sut.manifests
      .filter(({ object }) => object.kind !== 'Namespace')
      .filter(({ object }) => !object.metadata?.name || object.metadata.namespace !== NAMESPACE)
      .map(describeObject);

    expect(misplaced).toEqual([]);
    expect(sut.find('Namespace', NAMESPACE)).toBeDefined();
  });

  it('define each kind and name once', () => {
    const ids = sut.manifests.map(({ object }) => `${object.kind}/${object.metadata?.name}`);

    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });

  it('are all listed in kustomization.yaml, except the Secret template', () => {
    const kustomization = parse(readFileSync(join(K8S_DIR, 'kustomization.yaml'), 'utf8')) as {
      apiVersion?: string;
      kind?: string;
      namespace?: string;
      resources?: string[];
    };

    expect(kustomization.apiVersion).toBe('kustomize.config.k8s.io/v1beta1');
    expect(kustomization.kind).toBe('Kustomization');
    expect(kustomization.namespace).toBe(NAMESPACE);
    expect([...(kustomization.resources ?? [])].sort()).toEqual(manifestFiles().filter((f) => f !== SECRET_TEMPLATE));
  });

  it('hold Secrets only in the template, every value a placeholder', () => {
    const template = sut.all<ISecret>('Secret', sut.secretTemplate);
    const values = template.flatMap((secret) => [
      ...Object.values(secret.stringData ?? {}),
      ...Object.values(secret.data ?? {}).map((v) => Buffer.from(v, 'base64').toString()),
    ]);

    expect(sut.all('Secret', sut.applied)).toEqual([]);
    expect(sut.secretTemplate.filter(({ object }) => object.kind !== 'Secret').map(describeObject)).toEqual([]);
    expect(template.length).toBeGreaterThan(0);
    expect(values.filter((value) => value !== PLACEHOLDER)).toEqual([]);
  });

  it('resolve every ConfigMap and Secret that a workload references', () => {
    const workloads = [...sut.all<IDeployment>('Deployment'), ...sut.all<IJob>('Job')];
    const problems = workloads.flatMap((workload) =>
      (workload.spec?.template.spec?.containers ?? []).flatMap((container) =>
        sut.resolveEnv(container).problems.map((problem) => `${workload.kind}/${workload.metadata?.name}: ${problem}`),
      ),
    );

    expect(workloads.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('run every workload as non-root with resource requests and limits', () => {
    const workloads = [...sut.all<IDeployment>('Deployment'), ...sut.all<IJob>('Job')];
    const problems = workloads.flatMap((workload) =>
      [...podSecurityProblems(workload.spec?.template.spec), ...resourceProblems(workload.spec?.template.spec)].map(
        (problem) => `${workload.kind}/${workload.metadata?.name}: ${problem}`,
      ),
    );

    expect(workloads.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});

describe.each(APP_NAMES.map((app) => [app]))('%s on Kubernetes', (app: AppName) => {
  const port = DEFAULT_PORTS[app];
  const schemas = configClassesFor(app);
  let cluster: Cluster;
  let sut: IDeployment;
  let container: IContainer;

  beforeAll(() => {
    cluster = new Cluster();
    sut = cluster.find<IDeployment>('Deployment', app) ?? ({} as IDeployment);
    container = sut.spec?.template.spec?.containers.find((candidate) => candidate.name === app) ?? ({} as IContainer);
  });

  it('has a Deployment, a Service and an autoscaler named after the app', () => {
    expect(cluster.find<IDeployment>('Deployment', app)).toBeDefined();
    expect(cluster.find<IService>('Service', app)).toBeDefined();
    expect(cluster.find<IHorizontalPodAutoscaler>('HorizontalPodAutoscaler', app)).toBeDefined();
  });

  it('runs the app image in a container named after the app, listening on its default port', () => {
    expect(sut.spec?.template.spec?.containers).toHaveLength(1);
    expect(container.name).toBe(app);
    expect(container.image).toMatch(new RegExp(`(^|/)galley/${app}(:|@|$)`));
    expect(container.ports?.map((p) => p.containerPort)).toEqual([port]);
    expect(cluster.resolveEnv(container).env.PORT).toBe(String(port));
  });

  it('checks liveness on /health/live and readiness on /health/ready at the app port', () => {
    expect(probeTarget(container, container.livenessProbe)).toEqual({ path: '/health/live', port });
    expect(probeTarget(container, container.readinessProbe)).toEqual({ path: '/health/ready', port });
    if (container.startupProbe) {
      expect(probeTarget(container, container.startupProbe)).toEqual({ path: '/health/live', port });
    }
  });

  it('has a Service on the app port that selects the Deployment pods and no others', () => {
    const service = cluster.find<IService>('Service', app);
    const selector = service?.spec?.selector ?? {};
    const servicePort = service?.spec?.ports?.[0];
    const targetPort = containerPort(container, servicePort?.targetPort ?? servicePort?.port);
    const selected = cluster.podTemplates().filter((pod) => matchesSelector(selector, pod.labels));

    expect(service?.spec?.ports).toHaveLength(1);
    expect(servicePort?.port).toBe(port);
    expect(targetPort).toBe(port);
    expect(Object.keys(selector).length).toBeGreaterThan(0);
    expect(selected.map((pod) => pod.owner)).toEqual([`Deployment/${app}`]);
  });

  it('selects its own pod template', () => {
    const matchLabels = sut.spec?.selector.matchLabels ?? {};

    expect(Object.keys(matchLabels).length).toBeGreaterThan(0);
    expect(matchesSelector(matchLabels, sut.spec?.template.metadata?.labels ?? {})).toBe(true);
  });

  it('sets only variables that its config classes declare', () => {
    const { env } = cluster.resolveEnv(container);
    const known = configKeysOf(schemas);

    expect(Object.keys(env).length).toBeGreaterThan(0);
    expect(Object.keys(env).filter((key) => !known.includes(key))).toEqual([]);
  });

  it('sets every variable that its config classes require', () => {
    const { env } = cluster.resolveEnv(container);

    expect(requiredKeysOf(schemas).filter((key) => !(key in env))).toEqual([]);
  });

  it('runs in production and sets every variable that production requires without a default', () => {
    const { env } = cluster.resolveEnv(container);

    expect(env.NODE_ENV).toBe('production');
    expect(productionRequiredKeysOf(schemas).filter((key) => !(key in env))).toEqual([]);
  });

  it('passes its config validation with the environment it gets', () => {
    expect(configProblemsOf(schemas, cluster.resolveEnv(container).env)).toEqual([]);
  });

  it('takes passwords and keys from Secrets only', () => {
    const { sources } = cluster.resolveEnv(container);
    const inline = SECRET_VARIABLES.filter((key) => key in sources && sources[key] !== 'Secret');

    expect(inline).toEqual([]);
  });

  it('verifies access tokens with the users Service JWKS if its config reads JWT_JWKS_URL (users signs)', () => {
    const { env } = cluster.resolveEnv(container);
    const users = cluster.find<IService>('Service', 'users');

    if (app === 'users' || !configKeysOf(schemas).includes('JWT_JWKS_URL')) {
      expect(env.JWT_JWKS_URL).toBeUndefined();
    } else {
      expect(jwksTarget(env.JWT_JWKS_URL)).toEqual({ protocol: 'http:', host: users?.metadata?.name, port: users?.spec?.ports?.[0]?.port, path: JWKS_PATH });
    }
  });

  if (app === 'gateway') {
    it('allows browser calls from explicit https origins only, not the development defaults', () => {
      const { env } = cluster.resolveEnv(container);
      const origins = loadConfig(GatewayConfig, env).CORS_ORIGINS;
      const bad = origins.filter((origin) => {
        const url = URL.canParse(origin) ? new URL(origin) : undefined;
        return url?.origin !== origin || url.protocol !== 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
      });

      expect(env.CORS_ORIGINS).toBeDefined();
      expect(bad).toEqual([]);
    });
  }

  if (app === 'users') {
    it('signs with a key from a Secret that no other workload references', () => {
      const secret = container.env?.find((candidate) => candidate.name === 'JWT_PRIVATE_KEY')?.valueFrom?.secretKeyRef?.name;
      const workloads = [...cluster.all<IDeployment>('Deployment'), ...cluster.all<IJob>('Job')];
      const others = workloads
        .filter((workload) => !(workload.kind === 'Deployment' && workload.metadata?.name === app))
        .filter((workload) => referencedSecrets(workload.spec?.template.spec).includes(secret ?? '?'))
        .map((workload) => `${workload.kind}/${workload.metadata?.name}`);

      expect(secret).toBeDefined();
      expect(others).toEqual([]);
    });

    it('trusts X-Forwarded-For from pod addresses (the gateway) and not from public ones', () => {
      const { env } = cluster.resolveEnv(container);
      const podAddresses = ['10.244.1.17', '10.42.0.9', '192.168.12.4'];

      expect(podAddresses.filter((address) => !trustsProxy(env, address))).toEqual([]);
      expect(trustsProxy(env, PUBLIC_ADDRESS)).toBe(false);
    });
  }

  it('is scaled by an autoscaling/v2 autoscaler targeting its Deployment', () => {
    const hpa = cluster.find<IHorizontalPodAutoscaler>('HorizontalPodAutoscaler', app);

    expect(hpa?.apiVersion).toBe('autoscaling/v2');
    expect(hpa?.spec?.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: app });
    expect(hpa?.spec?.minReplicas ?? 1).toBeGreaterThanOrEqual(2);
    expect(hpa?.spec?.maxReplicas).toBeGreaterThanOrEqual(hpa?.spec?.minReplicas ?? 1);
    expect(hpa?.spec?.metrics?.length).toBeGreaterThan(0);
    expect(sut.spec?.replicas).toBeUndefined();
  });
});

describe.each(SERVICE_NAMES.map((service) => [service]))('%s database access on Kubernetes', (service: ServiceName) => {
  let cluster: Cluster;
  let sut: IJob | undefined;

  const secretRefOf = (container: IContainer | undefined, variable: string) =>
    container?.env?.find((candidate) => candidate.name === variable)?.valueFrom?.secretKeyRef;
  const appContainer = (app: ServiceName) =>
    cluster.find<IDeployment>('Deployment', app)?.spec?.template.spec?.containers.find((c) => c.name === app);
  const migrationContainer = () => sut?.spec?.template.spec?.containers[0];

  beforeAll(() => {
    cluster = new Cluster();
    sut = cluster.all<IJob>('Job').find((job) => job.spec?.template.spec?.containers[0]?.command?.includes(MIGRATE_SCRIPT));
  });

  it('connects as its own role with the password from a Secret of its own', () => {
    const container = appContainer(service);
    const others = SERVICE_NAMES.filter((other) => other !== service).map(
      (other) => secretRefOf(appContainer(other), 'DB_PASSWORD')?.name,
    );

    expect(container && cluster.resolveEnv(container).env.DB_USER).toBe(databaseRoleFor(service));
    expect(secretRefOf(container, 'DB_PASSWORD')?.name).toBeDefined();
    expect(others).not.toContain(secretRefOf(container, 'DB_PASSWORD')?.name);
  });

  it('is migrated by a Job that runs the migration script with the same Secret', () => {
    const container = migrationContainer();
    const args = container?.command?.slice(container.command.indexOf(MIGRATE_SCRIPT) + 1) ?? [];
    const services = args.filter((arg) => !arg.startsWith('--'));

    expect(sut).toBeDefined();
    expect(container?.command?.slice(0, 3)).toEqual(['node', '-r', './scripts/register-paths.cjs']);
    expect(container?.image).toMatch(/(^|\/)galley\/[a-z]+(:|@|$)/);
    expect(services.length === 0 || services.includes(service)).toBe(true);
    expect(args).not.toContain('--no-topics');
    expect(secretRefOf(container, migrationPasswordVariable(service))).toEqual(secretRefOf(appContainer(service), 'DB_PASSWORD'));
    expect(['Never', 'OnFailure']).toContain(sut?.spec?.template.spec?.restartPolicy);
  });

  it('is migrated with variables the script reads only, and a valid config', () => {
    const env = cluster.resolveEnv(migrationContainer() ?? ({} as IContainer)).env;
    const known = [...configKeys(ServiceConfig), ...SERVICE_NAMES.map(migrationPasswordVariable)];

    expect(Object.keys(env).filter((key) => !known.includes(key))).toEqual([]);
    expect(configProblems(ServiceConfig, migrationEnvFor(service, env))).toEqual([]);
  });
});

describe('gateway routing on Kubernetes', () => {
  let cluster: Cluster;
  let sut: IIngress | undefined;

  beforeAll(() => {
    cluster = new Cluster();
    sut = cluster.all<IIngress>('Ingress')[0];
  });

  it('reaches every service through its Service name and port', () => {
    const gateway = cluster.find<IDeployment>('Deployment', 'gateway')?.spec?.template.spec?.containers[0];
    const env = gateway ? cluster.resolveEnv(gateway).env : {};
    const targets = SERVICE_NAMES.map((service) => {
      const url = new URL(env[upstreamUrlVariable(service)] ?? 'invalid://');
      const host = url.hostname.replace(new RegExp(`\\.${NAMESPACE}(\\.svc(\\.cluster\\.local)?)?$`), '');
      return { service, host, port: Number(url.port) };
    });
    const expected = SERVICE_NAMES.map((service) => ({
      service,
      host: cluster.find<IService>('Service', service)?.metadata?.name,
      port: cluster.find<IService>('Service', service)?.spec?.ports?.[0]?.port,
    }));

    expect(targets).toEqual(expected);
    expect(targets.map((target) => target.port)).toEqual(SERVICE_NAMES.map((service) => DEFAULT_PORTS[service]));
  });

  it('is published by the only Ingress, which routes /api to the gateway Service port', () => {
    const gatewayService = cluster.find<IService>('Service', 'gateway');
    const api = sut?.spec?.rules
      ?.flatMap((rule) => rule.http?.paths ?? [])
      .find((path) => path.path === '/api' && path.pathType === 'Prefix');
    const backendPort = api?.backend.service?.port;
    const servicePort = gatewayService?.spec?.ports?.find((p) =>
      backendPort?.name ? p.name === backendPort.name : p.port === backendPort?.number,
    );

    expect(cluster.all('Ingress')).toHaveLength(1);
    expect(api?.backend.service?.name).toBe('gateway');
    expect(servicePort?.port).toBe(DEFAULT_PORTS.gateway);
  });

  it('lets through the Ingress every body that the gateway accepts (MAX_BODY_BYTES, image uploads)', () => {
    const gateway = cluster.find<IDeployment>('Deployment', 'gateway')?.spec?.template.spec?.containers[0];
    const config = loadConfig(GatewayConfig, gateway ? cluster.resolveEnv(gateway).env : {});
    const maxBodyBytes = Math.max(config.MAX_BODY_BYTES, config.MAX_IMAGE_UPLOAD_BYTES);
    // ingress-nginx answers 413 itself above proxy-body-size (default 1m); 0 disables the check.
    const limit = nginxSizeBytes(sut?.metadata?.annotations?.['nginx.ingress.kubernetes.io/proxy-body-size'] ?? '1m');

    expect(limit === 0 || limit >= maxBodyBytes).toBe(true);
  });
});

describe('docker-compose.yml', () => {
  let sut: ComposeFile;
  let yamlErrors: string[];

  beforeAll(() => {
    ({ compose: sut, yamlErrors } = loadCompose());
  });

  it('parses as one YAML document without errors or duplicate keys', () => {
    expect(yamlErrors).toEqual([]);
  });

  it('has the structure of a compose file: services with an image or a build, maps, known dependencies', () => {
    expect(composeStructureProblems(sut)).toEqual([]);
  });

  it('runs Kafka and Postgres from the official images, Kafka in KRaft mode', () => {
    const pulled = Object.values(sut.services).filter((service) => !service.build);
    const kafka = pulled.find((service) => imageName(service.image) === 'apache/kafka');
    const postgres = pulled.find((service) => imageName(service.image) === 'postgres');

    expect(pulled.map((service) => imageName(service.image)).filter((image) => !['apache/kafka', 'postgres'].includes(image))).toEqual([]);
    expect(kafka).toBeDefined();
    expect(postgres).toBeDefined();
    expect(String(kafka?.environment?.KAFKA_PROCESS_ROLES).split(',').sort()).toEqual(['broker', 'controller']);
    expect(kafka?.environment).not.toHaveProperty('KAFKA_ZOOKEEPER_CONNECT');
  });

  it('initialises Postgres with deploy/postgres/init.sql', () => {
    const postgres = Object.values(sut.services).find((service) => imageName(service.image) === 'postgres');
    const mounts = (postgres?.volumes ?? []).map(String);

    expect(mounts.some((mount) => /^\.\/deploy\/postgres\/init\.sql:\/docker-entrypoint-initdb\.d\/[^:]+\.sql(:ro)?$/.test(mount))).toBe(true);
  });

  it('migrates every service once Postgres and Kafka are healthy, before any service starts', () => {
    const migrate = sut.services.migrate;
    const command = [migrate?.command ?? []].flat();
    const args = command.slice(command.indexOf(MIGRATE_SCRIPT) + 1).filter((arg) => !arg.startsWith('--'));

    expect(command.slice(0, 3)).toEqual(['node', '-r', './scripts/register-paths.cjs']);
    expect(command).toContain(MIGRATE_SCRIPT);
    expect(args.length === 0 || SERVICE_NAMES.every((service) => args.includes(service))).toBe(true);
    expect(command).not.toContain('--no-topics');
    expect(dependencyCondition(migrate ?? {}, 'postgres')).toBe('service_healthy');
    expect(dependencyCondition(migrate ?? {}, 'kafka')).toBe('service_healthy');
    expect(SERVICE_NAMES.filter((service) => dependencyCondition(sut.services[service] ?? {}, 'migrate') !== 'service_completed_successfully')).toEqual([]);
  });

  it('migrates each service as its role, with the password the service itself uses', () => {
    const env = composeEnv(sut.services.migrate);
    const known = [...configKeys(ServiceConfig), ...SERVICE_NAMES.map(migrationPasswordVariable)];

    expect(Object.keys(env).filter((key) => !known.includes(key))).toEqual([]);
    expect(SERVICE_NAMES.filter((service) => env[migrationPasswordVariable(service)] !== composeEnv(sut.services[service]).DB_PASSWORD)).toEqual([]);
    expect(SERVICE_NAMES.flatMap((service) => configProblems(ServiceConfig, migrationEnvFor(service, env)))).toEqual([]);
  });

  it('publishes the gateway, and only the gateway, on 8080', () => {
    const published = Object.entries(sut.services)
      .filter(([, service]) => (service.ports ?? []).length > 0)
      .map(([name, service]) => ({ name, ports: (service.ports ?? []).map(String) }));

    expect(published).toEqual([{ name: 'gateway', ports: [`${DEFAULT_PORTS.gateway}:${DEFAULT_PORTS.gateway}`] }]);
  });
});

describe.each(APP_NAMES.map((app) => [app]))('%s in docker-compose.yml', (app: AppName) => {
  const schemas = configClassesFor(app);
  let compose: ComposeFile;
  let sut: ComposeService | undefined;

  beforeAll(() => {
    compose = loadCompose().compose;
    sut = compose.services[app];
  });

  it('is built from the Dockerfile with APP set to the app', () => {
    const build = typeof sut?.build === 'object' ? sut.build : undefined;

    expect(build?.context).toBe('.');
    expect(build?.dockerfile ?? 'Dockerfile').toBe('Dockerfile');
    expect(build?.args?.APP).toBe(app);
  });

  it('listens on its default port and has a health check', () => {
    expect(composeEnv(sut).PORT).toBe(String(DEFAULT_PORTS[app]));
    expect(sut?.healthcheck?.test).toBeDefined();
  });

  it('sets only variables that its config classes declare', () => {
    const keys = Object.keys(composeEnv(sut));
    const known = configKeysOf(schemas);

    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((key) => !known.includes(key))).toEqual([]);
  });

  it('sets every variable that its config classes require', () => {
    const env = composeEnv(sut);

    expect(requiredKeysOf(schemas).filter((key) => !(key in env))).toEqual([]);
  });

  it('passes its config validation with the environment it gets', () => {
    expect(configProblemsOf(schemas, composeEnv(sut))).toEqual([]);
  });

  it('verifies access tokens with the users JWKS if its config reads JWT_JWKS_URL (users signs)', () => {
    const env = composeEnv(sut);

    if (app === 'users' || !configKeysOf(schemas).includes('JWT_JWKS_URL')) {
      expect(env.JWT_JWKS_URL).toBeUndefined();
    } else {
      expect(jwksTarget(env.JWT_JWKS_URL)).toEqual({ protocol: 'http:', host: 'users', port: DEFAULT_PORTS.users, path: JWKS_PATH });
      expect(dependencyCondition(sut ?? {}, 'users')).toBe('service_healthy');
    }
  });

  if (app === 'users') {
    it('generates its development signing key under /tmp, where the non-root image user can write', () => {
      const env = composeEnv(sut);
      const keyFile = authSetting(env, 'JWT_KEY_FILE');

      expect(env.NODE_ENV).not.toBe('production');
      expect(env).not.toHaveProperty('JWT_PRIVATE_KEY');
      expect(posix.isAbsolute(keyFile) && posix.normalize(keyFile).startsWith('/tmp/')).toBe(true);
      expect(String(sut?.user ?? '1000')).not.toMatch(/^(root|0)(:|$)/);
    });

    it('trusts X-Forwarded-For from the compose network (the gateway) and not from public addresses', () => {
      const env = composeEnv(sut);
      const composeAddresses = ['172.18.0.5', '192.168.16.3'];

      expect(composeAddresses.filter((address) => !trustsProxy(env, address))).toEqual([]);
      expect(trustsProxy(env, PUBLIC_ADDRESS)).toBe(false);
    });
  }

  if (app === 'gateway') {
    it('reaches every service by its compose name and default port, once they are healthy', () => {
      const env = composeEnv(sut);
      const targets = SERVICE_NAMES.map((service) => {
        const url = new URL(env[upstreamUrlVariable(service)] ?? 'invalid://');
        return { host: url.hostname, port: Number(url.port) };
      });

      expect(targets).toEqual(SERVICE_NAMES.map((service) => ({ host: service, port: DEFAULT_PORTS[service] })));
      expect(SERVICE_NAMES.filter((service) => dependencyCondition(sut ?? {}, service) !== 'service_healthy')).toEqual([]);
    });
  } else {
    it('connects to the compose Postgres and Kafka as its own role, after both are up', () => {
      const env = composeEnv(sut);
      const needs = transitiveDependencies(compose, app);
      const postgres = Object.keys(compose.services).find((name) => imageName(compose.services[name].image) === 'postgres');
      const kafka = Object.keys(compose.services).find((name) => imageName(compose.services[name].image) === 'apache/kafka');

      expect(env.DB_USER).toBe(databaseRoleFor(app as ServiceName));
      expect(env.DB_HOST).toBe(postgres);
      expect(env.KAFKA_BROKERS?.split(',').map((broker) => broker.split(':')[0])).toEqual([kafka]);
      expect(needs.has(postgres ?? '?') && needs.has(kafka ?? '?')).toBe(true);
    });
  }
});

describe('deploy/postgres/init.sql', () => {
  let sut: string;

  beforeAll(() => {
    sut = readFileSync(join(ROOT, 'deploy', 'postgres', 'init.sql'), 'utf8');
  });

  it('creates the galley database and closes the public schema', () => {
    expect(sut).toMatch(/CREATE DATABASE galley\b/);
    expect(sut).toMatch(/^\\connect galley$/m);
    expect(sut).toMatch(/^REVOKE ALL ON SCHEMA public FROM PUBLIC;$/m);
  });

  it('installs the extensions the services may use, in public, as the local provisioning does', () => {
    expect(sut).toMatch(/^CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;$/m);
    expect(sut).toMatch(/^CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;$/m);
  });

  it.each(SERVICE_NAMES.map((service) => [service]))('creates the role of %s and the schema it owns', (service) => {
    const role = databaseRoleFor(service as ServiceName);

    expect(sut).toMatch(new RegExp(`'${role}'`));
    expect(sut).toMatch(new RegExp(`^CREATE SCHEMA IF NOT EXISTS ${service} AUTHORIZATION ${role};$`, 'm'));
    expect(sut).toMatch(new RegExp(`^ALTER ROLE ${role} PASSWORD :'${service}_password';$`, 'm'));
  });

  it('has the development passwords that docker-compose.yml uses', () => {
    const { compose } = loadCompose();
    const mismatched = SERVICE_NAMES.filter((service) => {
      const password = new RegExp(`\\\\set ${service}_password '([^']*)'`).exec(sut)?.[1];
      return password === undefined || composeEnv(compose.services[service]).DB_PASSWORD !== password;
    });

    expect(mismatched).toEqual([]);
  });
});

describe('Dockerfile', () => {
  let sut: string;
  let stages: string[];

  beforeAll(() => {
    sut = readFileSync(join(ROOT, 'Dockerfile'), 'utf8').replace(/\\\n/g, ' ');
    stages = sut.split(/^FROM /m).slice(1);
  });

  it('compiles in a build stage and installs only production dependencies in the final one', () => {
    const runtime = stages[stages.length - 1] ?? '';

    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(stages[0]).toMatch(/npm ci\b/);
    expect(stages[0]).toMatch(/npm run build\b/);
    expect(runtime).toMatch(/npm ci [^\n]*--omit=dev/);
    expect(runtime).toMatch(/^COPY --from=\S+ \S*\/dist \.?\/?dist\/?$/m);
    expect(runtime).toMatch(/^COPY (\S+ )*tsconfig\.json /m);
    expect(runtime).toMatch(/^COPY (\S+ )*scripts\/register-paths\.cjs /m);
  });

  it('runs the app selected by APP as a non-root user', () => {
    const runtime = stages[stages.length - 1] ?? '';
    const user = /^USER (\S+)$/gm;
    const users = [...runtime.matchAll(user)].map((match) => match[1]);
    const cmd = /^CMD (.+)$/m.exec(runtime)?.[1] ?? '';

    expect(runtime).toMatch(/^ARG APP\b/m);
    expect(runtime).toMatch(/^ENV APP=\$\{?APP\}?$/m);
    expect(users.length).toBeGreaterThan(0);
    expect(users[users.length - 1]).not.toMatch(/^(root|0)(:|$)/);
    expect(cmd).toContain('-r ./scripts/register-paths.cjs');
    expect(cmd).toContain('dist/apps/${APP}/src/main.js');
    expect(APP_NAMES.filter((app) => !new RegExp(`^EXPOSE .*\\b${DEFAULT_PORTS[app]}\\b`, 'm').test(runtime))).toEqual([]);
  });

  it('keeps local state out of the build context with .dockerignore', () => {
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n').map((line) => line.trim());

    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'dist', '.git', '.env']));
  });
});
