import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, relative } from 'node:path';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import express from 'express';
import { Deployment, type IDeployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler, type IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Job, type IJob } from 'kubernetes-models/batch/v1';
import { Ingress, NetworkPolicy, type IIngress, type INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget, type IPodDisruptionBudget } from 'kubernetes-models/policy/v1';
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
import { InventoryConfig, loadInventoryConfig } from '../../apps/inventory/src/config/inventory-config';
import { OrdersConfig } from '../../apps/orders/src/config/orders-config';
import { PaymentsConfig } from '../../apps/payments/src/config/payments-config';
import { ReviewsConfig } from '../../apps/reviews/src/config/reviews-config';
import { AddressList } from '@galley/platform';
import { clientAddress } from '../../apps/gateway/src/edge/client-address';
import { allows, externalEgressPorts, isIsolated, podIn, selectorMatches, type Endpoint } from './network-policies';

// Offline checks of the deployment files (Dockerfile, docker-compose.yml, deploy/, and k8s/ as
// `kubectl kustomize` renders each overlay) against the code they deploy: app names, ports,
// health endpoints, the config classes' variables, network reachability and disruption budgets.

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
  STREAM_TICKET_SECRET: 'output-of-openssl-rand-base64-32-goes-here=',
};
/** Migrations of every service, then the topics (scripts/setup-services.ts, as `npm start` runs it). */
const MIGRATE_SCRIPT = 'dist/scripts/setup-services.js';

/** Where the users service publishes the access-token public keys (apps/users JwksController). */
const JWKS_PATH = '/.well-known/jwks.json';
/** Variables whose values are credentials: set from Secrets only, never inline or from a ConfigMap. */
const SECRET_VARIABLES = [
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
// Kubernetes manifests: each overlay of k8s/overlays rendered by `kubectl kustomize` (what
// `kubectl apply -k` sends), each object validated by kubernetes-models. The Secret template
// stands in for the Secrets that the operator creates (k8s/README.md).

const OVERLAYS = ['prod', 'dev'] as const;
type Overlay = (typeof OVERLAYS)[number];
/** What each overlay promises about replicas: prod autoscales from 2 of each app, dev runs one. */
const OVERLAY_REPLICAS: Record<Overlay, { autoscaled: boolean; min: number }> = {
  prod: { autoscaled: true, min: 2 },
  dev: { autoscaled: false, min: 1 },
};
/** The namespaces the NetworkPolicies admit (placeholders in k8s/base/network-policies.yaml). */
const INGRESS_CONTROLLER_NAMESPACE = 'ingress-nginx';
const MONITORING_NAMESPACE = 'monitoring';
/** OTLP/HTTP, where the apps send traces (OTEL_EXPORTER_OTLP_ENDPOINT) when tracing is on. */
const OTLP_HTTP_PORT = 4318;
const DNS = ['TCP/53', 'UDP/53'];

interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata?: { name?: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
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
  'policy/v1/PodDisruptionBudget': {
    create: (d) => new PodDisruptionBudget(d),
    module: 'kubernetes-models/policy/v1/PodDisruptionBudget',
    type: 'IPodDisruptionBudget',
  },
  'networking.k8s.io/v1/Ingress': {
    create: (d) => new Ingress(d),
    module: 'kubernetes-models/networking.k8s.io/v1/Ingress',
    type: 'IIngress',
  },
  'networking.k8s.io/v1/NetworkPolicy': {
    create: (d) => new NetworkPolicy(d),
    module: 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy',
    type: 'INetworkPolicy',
  },
  'batch/v1/Job': { create: (d) => new Job(d), module: 'kubernetes-models/batch/v1/Job', type: 'IJob' },
};

const modelKey = (object: KubeObject) => `${object.apiVersion}/${object.kind}`;
const describeObject = ({ file, object }: Manifest) => `${file}: ${object.kind}/${object.metadata?.name}`;

/** Every YAML file under k8s/, relative to it. */
function k8sYamlFiles(): string[] {
  return (readdirSync(K8S_DIR, { recursive: true }) as string[]).filter((file) => /\.ya?ml$/.test(file)).sort();
}

/** The YAML files of the base that are resources (all but its kustomization.yaml). */
function baseResourceFiles(): string[] {
  return readdirSync(join(K8S_DIR, 'base'))
    .filter((file) => /\.ya?ml$/.test(file) && file !== 'kustomization.yaml')
    .sort();
}

/** Parse errors, warnings and duplicate keys of every YAML file under k8s/. */
function k8sYamlErrors(): string[] {
  return k8sYamlFiles().flatMap((file) =>
    parseAllDocuments(readFileSync(join(K8S_DIR, file), 'utf8')).flatMap((document) =>
      [...document.errors, ...document.warnings].map((error) => `${file}: ${error.message}`),
    ),
  );
}

const renderedKustomizations = new Map<string, string>();

/** `kubectl kustomize <dir>`: the objects `kubectl apply -k <dir>` would send. */
function renderKustomization(dir: string): string {
  const cached = renderedKustomizations.get(dir);
  if (cached !== undefined) return cached;
  let output: string;
  try {
    output = execFileSync('kubectl', ['kustomize', dir], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === 'ENOENT') {
      throw new Error('kubectl is not on the PATH: these checks render k8s/overlays/* with `kubectl kustomize` (install kubectl)');
    }
    throw new Error(`kubectl kustomize ${dir} failed: ${failure.stderr || failure.message}`);
  }
  renderedKustomizations.set(dir, output);
  return output;
}

function parseManifests(text: string, file: string): { manifests: Manifest[]; yamlErrors: string[] } {
  const manifests: Manifest[] = [];
  const yamlErrors: string[] = [];
  for (const document of parseAllDocuments(text)) {
    yamlErrors.push(...[...document.errors, ...document.warnings].map((error) => `${file}: ${error.message}`));
    const object: unknown = document.toJS();
    if (object === null || object === undefined) continue;
    manifests.push({ file, object: object as KubeObject });
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

/** A workload's pod: who owns it, its labels and its spec. */
interface PodTemplate {
  owner: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  spec: IPodSpec | undefined;
}

class Cluster {
  readonly manifests: Manifest[];
  readonly yamlErrors: string[];

  /** A kustomization as rendered (an overlay by default), plus the Secret template (the Secrets the README creates). */
  constructor(label: string, dir = join(K8S_DIR, label)) {
    const rendered = parseManifests(renderKustomization(dir), label);
    const template = parseManifests(readFileSync(join(K8S_DIR, SECRET_TEMPLATE), 'utf8'), SECRET_TEMPLATE);
    this.manifests = [...rendered.manifests, ...template.manifests];
    this.yamlErrors = [...rendered.yamlErrors, ...template.yamlErrors];
  }

  /** What `kubectl apply -k` creates: everything but the Secret template. */
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

  workloads(): (IDeployment | IJob)[] {
    return [...this.all<IDeployment>('Deployment'), ...this.all<IJob>('Job')];
  }

  /** Pod templates of every workload, to check what selectors and policies pick. */
  podTemplates(): PodTemplate[] {
    return this.workloads().map((workload) => ({
      owner: `${workload.kind}/${workload.metadata?.name}`,
      labels: workload.spec?.template.metadata?.labels ?? {},
      annotations: workload.spec?.template.metadata?.annotations ?? {},
      spec: workload.spec?.template.spec,
    }));
  }

  secretData(name: string): Record<string, string> | undefined {
    const secret = this.find<ISecret>('Secret', name);
    if (!secret) return undefined;
    const decoded = Object.entries(secret.data ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64').toString()]);
    return { ...Object.fromEntries(decoded), ...(secret.stringData ?? {}) };
  }

  /**
   * The environment a container gets, with Secret values from the template (placeholders), where
   * each variable comes from (`env` overrides `envFrom`, as in Kubernetes), every definition of
   * each variable (to find one set twice), and every required reference that does not resolve.
   */
  resolveEnv(container: IContainer): {
    env: Record<string, string>;
    sources: Record<string, EnvSource>;
    definitions: Record<string, string[]>;
    problems: string[];
  } {
    const env: Record<string, string> = {};
    const sources: Record<string, EnvSource> = {};
    const definitions: Record<string, string[]> = {};
    const problems: string[] = [];
    const define = (key: string, where: string) => (definitions[key] ??= []).push(where);
    const configMap = (name: string) => this.find<IConfigMap>('ConfigMap', name);
    for (const source of container.envFrom ?? []) {
      const prefix = source.prefix ?? '';
      const name = source.configMapRef?.name ?? source.secretRef?.name ?? '';
      const optional = (source.configMapRef ?? source.secretRef)?.optional === true;
      const data = source.configMapRef ? configMap(name)?.data : this.secretData(name);
      if (!data) {
        if (!optional) problems.push(`envFrom ${source.configMapRef ? 'ConfigMap' : 'Secret'} "${name}" does not exist`);
        continue;
      }
      for (const [key, value] of Object.entries(data)) {
        env[prefix + key] = value;
        sources[prefix + key] = source.configMapRef ? 'ConfigMap' : 'Secret';
        define(prefix + key, `${source.configMapRef ? 'ConfigMap' : 'Secret'} ${name}`);
      }
    }
    for (const variable of container.env ?? []) {
      const from = variable.valueFrom;
      if (!from) {
        env[variable.name] = variable.value ?? '';
        sources[variable.name] = 'value';
        define(variable.name, 'env value');
      } else if (from.configMapKeyRef) {
        const value = configMap(from.configMapKeyRef.name ?? '')?.data?.[from.configMapKeyRef.key];
        if (value !== undefined) env[variable.name] = value;
        else if (!from.configMapKeyRef.optional) problems.push(`${variable.name}: ConfigMap key ${JSON.stringify(from.configMapKeyRef)} does not exist`);
        sources[variable.name] = 'ConfigMap';
        define(variable.name, `ConfigMap ${from.configMapKeyRef.name} key ${from.configMapKeyRef.key}`);
      } else if (from.secretKeyRef) {
        const value = this.secretData(from.secretKeyRef.name ?? '')?.[from.secretKeyRef.key];
        if (value !== undefined) env[variable.name] = value === PLACEHOLDER ? (PLACEHOLDER_SHAPES[variable.name] ?? value) : value;
        else if (!from.secretKeyRef.optional) problems.push(`${variable.name}: Secret key ${JSON.stringify(from.secretKeyRef)} does not exist`);
        sources[variable.name] = 'Secret';
        define(variable.name, `Secret ${from.secretKeyRef.name} key ${from.secretKeyRef.key}`);
      } else {
        env[variable.name] = 'from-the-downward-api';
        sources[variable.name] = 'downward API';
        define(variable.name, 'downward API');
      }
    }
    return { env, sources, definitions, problems };
  }
}

const clusters = new Map<Overlay, Cluster>();
function clusterFor(overlay: Overlay): Cluster {
  const cluster = clusters.get(overlay) ?? new Cluster(`overlays/${overlay}`);
  clusters.set(overlay, cluster);
  return cluster;
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

/**
 * The restricted Pod Security Standard and more: every container non-root, no privilege
 * escalation, all capabilities dropped and none added, a read-only root filesystem, the
 * RuntimeDefault seccomp profile (pod and container); no host namespaces, no API token.
 */
function podSecurityProblems(pod: IPodSpec | undefined): string[] {
  const problems: string[] = [];
  if (pod?.securityContext?.runAsNonRoot !== true) problems.push('pod: runAsNonRoot is not true');
  if (pod?.securityContext?.seccompProfile?.type !== 'RuntimeDefault') problems.push('pod: seccompProfile is not RuntimeDefault');
  if (pod?.hostNetwork || pod?.hostPID || pod?.hostIPC) problems.push('pod: shares a host namespace');
  if (pod?.automountServiceAccountToken !== false) problems.push('pod: mounts a service account token');
  for (const container of [...(pod?.initContainers ?? []), ...(pod?.containers ?? [])]) {
    const context = container.securityContext;
    const at = container.name;
    if (!context) {
      problems.push(`${at}: no securityContext`);
      continue;
    }
    if (context.runAsNonRoot !== true) problems.push(`${at}: runAsNonRoot is not true`);
    if ((context.runAsUser ?? pod?.securityContext?.runAsUser) === 0) problems.push(`${at}: runAsUser is 0`);
    if (context.allowPrivilegeEscalation !== false) problems.push(`${at}: allowPrivilegeEscalation is not false`);
    if (context.privileged === true) problems.push(`${at}: privileged`);
    if (context.readOnlyRootFilesystem !== true) problems.push(`${at}: readOnlyRootFilesystem is not true`);
    if (!(context.capabilities?.drop ?? []).includes('ALL')) problems.push(`${at}: capabilities.drop lacks ALL`);
    if ((context.capabilities?.add ?? []).length > 0) problems.push(`${at}: adds capabilities ${context.capabilities?.add?.join(',')}`);
    if (context.seccompProfile?.type !== 'RuntimeDefault') problems.push(`${at}: seccompProfile is not RuntimeDefault`);
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

/** How many of `replicas` pods a drain may evict at once under the budget (percentages round up, as Kubernetes does). */
function evictablePods(budget: IPodDisruptionBudget | undefined, replicas: number): number {
  const count = (value: number | string) =>
    typeof value === 'number' ? value : Math.ceil((Number.parseInt(value, 10) / 100) * replicas);
  if (budget?.spec?.maxUnavailable !== undefined) return Math.min(replicas, count(budget.spec.maxUnavailable));
  if (budget?.spec?.minAvailable !== undefined) return Math.max(0, replicas - count(budget.spec.minAvailable));
  return replicas;
}

/** The pod as a NetworkPolicy sees it: in the galley namespace, with its labels and named ports. */
function podEndpoint(pod: PodTemplate): Endpoint {
  const ports = (pod.spec?.containers ?? []).flatMap((container) =>
    (container.ports ?? []).map((port) => ({ name: port.name, port: port.containerPort, protocol: port.protocol })),
  );
  return podIn(NAMESPACE, pod.labels, ports);
}

/** The ports a pod listens on (every container port), to try every connection. */
function listeningPorts(pod: PodTemplate): number[] {
  return (pod.spec?.containers ?? []).flatMap((container) => (container.ports ?? []).map((port) => port.containerPort));
}

/** What the README tells the operator to create with `kubectl create secret generic` / `create configmap`. */
interface ReadmeCreation {
  kind: 'Secret' | 'ConfigMap';
  name: string;
  keys: string[];
}

/**
 * The Secrets and ConfigMaps the shell blocks of a README create, with their keys
 * (`--from-literal=KEY=…`, `--from-file=KEY=path` or `--from-file=path`), expanding the variable
 * of an enclosing `for x in a b c; do … done`.
 */
function readmeCreations(markdown: string): ReadmeCreation[] {
  const creations: ReadmeCreation[] = [];
  const blocks = [...markdown.matchAll(/```(?:sh|bash|shell)\n([\s\S]*?)```/g)].map((match) => match[1].replace(/\\\n\s*/g, ' '));
  for (const block of blocks) {
    let loop: { variable: string; values: string[] } | undefined;
    for (const line of block.split('\n')) {
      const forLoop = /\bfor (\w+) in ([^;]+);\s*do\b/.exec(line);
      if (forLoop) loop = { variable: forLoop[1], values: forLoop[2].trim().split(/\s+/) };
      const create = /\bkubectl\b.*?\bcreate (secret generic|configmap) (\S+)(.*)$/.exec(line);
      if (create) {
        const keys = [...create[3].matchAll(/--from-(literal|file)=([^\s=]+)(=\S*)?/g)].map((match) =>
          match[1] === 'file' && match[3] === undefined ? posix.basename(match[2]) : match[2],
        );
        const variable = loop ? new RegExp(`\\$\\{?${loop.variable}\\}?`, 'g') : undefined;
        const names = loop && variable && create[2].includes('$') ? loop.values.map((value) => create[2].replace(variable, value)) : [create[2]];
        for (const name of names) creations.push({ kind: create[1] === 'configmap' ? 'ConfigMap' : 'Secret', name, keys });
      }
      if (/(^|[;\s])done\b/.test(line)) loop = undefined;
    }
  }
  return creations;
}

const K8S_README = () => readFileSync(join(K8S_DIR, 'README.md'), 'utf8');

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

describe('the checks of the Kubernetes manifests', () => {
  it('finds every Pod Security lapse of a container, and none in a restricted one', () => {
    const restricted: IPodSpec = {
      automountServiceAccountToken: false,
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      containers: [
        {
          name: 'app',
          securityContext: {
            runAsNonRoot: true,
            allowPrivilegeEscalation: false,
            readOnlyRootFilesystem: true,
            capabilities: { drop: ['ALL'] },
            seccompProfile: { type: 'RuntimeDefault' },
          },
        },
      ],
    };
    const lax: IPodSpec = {
      ...restricted,
      containers: [{ name: 'app', securityContext: { runAsNonRoot: true, allowPrivilegeEscalation: false, capabilities: { add: ['NET_ADMIN'] } } }],
    };

    expect(podSecurityProblems(restricted)).toEqual([]);
    expect(podSecurityProblems(lax)).toEqual([
      'app: readOnlyRootFilesystem is not true',
      'app: capabilities.drop lacks ALL',
      'app: adds capabilities NET_ADMIN',
      'app: seccompProfile is not RuntimeDefault',
    ]);
  });

  it('reads NetworkPolicies as Kubernetes does: default deny, then the union of what selecting policies allow', () => {
    const web = podIn('shop', { app: 'web' }, [{ name: 'http', port: 8080 }]);
    const db = podIn('shop', { app: 'db' }, [{ name: 'pg', port: 5432 }]);
    const stranger = podIn('other', { app: 'web' });
    const policies: INetworkPolicy[] = [
      { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny', namespace: 'shop' }, spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } },
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name: 'db', namespace: 'shop' },
        spec: { podSelector: { matchLabels: { app: 'db' } }, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 'pg' }] }] },
      },
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name: 'web', namespace: 'shop' },
        spec: {
          podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['web'] }] },
          policyTypes: ['Egress'],
          egress: [{ to: [{ podSelector: { matchLabels: { app: 'db' } } }], ports: [{ port: 5432 }] }, { to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } }], ports: [{ port: 443 }] }],
        },
      },
    ];

    expect(allows(policies, web, db, { port: 5432 })).toBe(true);
    expect(allows(policies, web, db, { port: 5433 })).toBe(false);
    expect(allows(policies, db, web, { port: 8080 })).toBe(false);
    expect(allows(policies, stranger, db, { port: 5432 })).toBe(false);
    expect(allows(policies, web, { kind: 'address', ip: '203.0.113.7' }, { port: 443 })).toBe(true);
    expect(allows(policies, web, { kind: 'address', ip: '10.1.2.3' }, { port: 443 })).toBe(false);
    expect(externalEgressPorts(policies, web)).toEqual(['TCP/443']);
  });

  it('reads from a README the Secrets and ConfigMaps it creates, loops expanded', () => {
    const readme = [
      '```sh',
      'for service in users orders; do',
      "  kubectl -n galley create secret generic galley-$service-db --from-literal=DB_PASSWORD='…'",
      'done',
      'kubectl -n galley create secret generic galley-users-auth \\',
      "  --from-file=JWT_PRIVATE_KEY=jwt.pem --from-literal=ADMIN_PASSWORD='…'",
      'kubectl -n galley create configmap galley-ca --from-file=./certs/postgres-ca.pem',
      '```',
    ].join('\n');

    expect(readmeCreations(readme)).toEqual([
      { kind: 'Secret', name: 'galley-users-db', keys: ['DB_PASSWORD'] },
      { kind: 'Secret', name: 'galley-orders-db', keys: ['DB_PASSWORD'] },
      { kind: 'Secret', name: 'galley-users-auth', keys: ['JWT_PRIVATE_KEY', 'ADMIN_PASSWORD'] },
      { kind: 'ConfigMap', name: 'galley-ca', keys: ['postgres-ca.pem'] },
    ]);
  });
});

describe('k8s/ sources', () => {
  it('parse as YAML without errors or duplicate keys', () => {
    expect(k8sYamlFiles().length).toBeGreaterThan(0);
    expect(k8sYamlErrors()).toEqual([]);
  });

  it('list every file of the base in its kustomization.yaml, and the overlays build on the base', () => {
    const read = (path: string) =>
      parse(readFileSync(join(K8S_DIR, path, 'kustomization.yaml'), 'utf8')) as { apiVersion?: string; kind?: string; namespace?: string; resources?: string[] };
    const base = read('base');

    expect(base.apiVersion).toBe('kustomize.config.k8s.io/v1beta1');
    expect(base.kind).toBe('Kustomization');
    expect(base.namespace).toBe(NAMESPACE);
    expect([...(base.resources ?? [])].sort()).toEqual(baseResourceFiles());
    expect(OVERLAYS.map((overlay) => read(join('overlays', overlay)).resources)).toEqual(OVERLAYS.map(() => ['../../base']));
  });

  it('keep the Secret template out of every kustomization', () => {
    const kustomizations = k8sYamlFiles().filter((file) => posix.basename(file) === 'kustomization.yaml');
    const listing = kustomizations.filter((file) =>
      ((parse(readFileSync(join(K8S_DIR, file), 'utf8')) as { resources?: string[] }).resources ?? []).some((resource) => resource.endsWith(SECRET_TEMPLATE)),
    );

    expect(kustomizations.length).toBeGreaterThanOrEqual(3);
    expect(listing).toEqual([]);
  });

  it('have a README that creates the Secrets of secrets.template.yaml, with the same keys', () => {
    const template = parseManifests(readFileSync(join(K8S_DIR, SECRET_TEMPLATE), 'utf8'), SECRET_TEMPLATE).manifests.map(({ object }) => object as ISecret);
    const fromReadme = readmeCreations(K8S_README())
      .filter((c) => c.kind === 'Secret')
      .map((c) => `${c.name}: ${[...c.keys].sort().join(',')}`)
      .sort();
    const fromTemplate = template.map((secret) => `${secret.metadata?.name}: ${Object.keys({ ...secret.data, ...secret.stringData }).sort().join(',')}`).sort();

    expect(fromTemplate.length).toBeGreaterThan(0);
    expect(fromReadme).toEqual(fromTemplate);
  });
});

describe('the S3 image storage of k8s/README.md, on the prod overlay', () => {
  let dir: string;
  let sut: Cluster;

  beforeAll(() => {
    const snippet = /```yaml\n(configMapGenerator:[\s\S]*?)```/.exec(K8S_README())?.[1] ?? '';
    dir = mkdtempSync(join(tmpdir(), 'galley-k8s-s3-'));
    writeFileSync(join(dir, 'kustomization.yaml'), `resources:\n  - ${relative(dir, join(K8S_DIR, 'overlays', 'prod'))}\n${snippet}`);
    sut = new Cluster('README S3 snippet', dir);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('makes inventory a valid S3 image storage, its keys from the Secret the README creates', () => {
    const container = sut.find<IDeployment>('Deployment', 'inventory')?.spec?.template.spec?.containers[0] ?? ({} as IContainer);
    const { env, sources, problems } = sut.resolveEnv(container);
    const schemas = configClassesFor('inventory');

    expect(problems).toEqual([]);
    expect(loadInventoryConfig(env).IMAGE_STORAGE).toBe('s3');
    expect(configProblemsOf(schemas, env)).toEqual([]);
    expect(Object.keys(env).filter((key) => !configKeysOf(schemas).includes(key))).toEqual([]);
    expect([sources.IMAGE_S3_ACCESS_KEY_ID, sources.IMAGE_S3_SECRET_ACCESS_KEY]).toEqual(['Secret', 'Secret']);
    expect(readmeCreations(K8S_README()).some((c) => c.kind === 'Secret' && c.name === 'galley-inventory-s3')).toBe(true);
  });
});

describe.each(OVERLAYS.map((overlay) => [overlay]))('k8s/overlays/%s', (overlay: Overlay) => {
  const replicas = OVERLAY_REPLICAS[overlay];

  describe('rendered manifests', () => {
    let sut: Cluster;

    beforeAll(() => {
      sut = clusterFor(overlay);
    });

    it('render with kubectl kustomize and parse without errors', () => {
      expect(sut.yamlErrors).toEqual([]);
      expect(sut.applied.length).toBeGreaterThan(0);
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
    }, 90_000);

    it('are named and live in the galley namespace, which they create with the restricted Pod Security Standard', () => {
      const misplaced = sut.manifests
        .filter(({ object }) => object.kind !== 'Namespace')
        .filter(({ object }) => !object.metadata?.name || object.metadata.namespace !== NAMESPACE)
        .map(describeObject);

      expect(misplaced).toEqual([]);
      expect(sut.find<KubeObject>('Namespace', NAMESPACE)?.metadata?.labels?.['pod-security.kubernetes.io/enforce']).toBe('restricted');
    });

    it('define each kind and name once', () => {
      const ids = sut.manifests.map(({ object }) => `${object.kind}/${object.metadata?.name}`);

      expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
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
      const problems = sut.workloads().flatMap((workload) =>
        (workload.spec?.template.spec?.containers ?? []).flatMap((container) =>
          sut.resolveEnv(container).problems.map((problem) => `${workload.kind}/${workload.metadata?.name}: ${problem}`),
        ),
      );

      expect(sut.workloads().length).toBeGreaterThan(0);
      expect(problems).toEqual([]);
    });

    it('define every setting once: one ConfigMap per key, nothing set inline that a ConfigMap or another workload also sets', () => {
      const configMapKeys = sut.all<IConfigMap>('ConfigMap', sut.applied).flatMap((configMap) => Object.keys(configMap.data ?? {}));
      const inline = sut.workloads().flatMap((workload) =>
        (workload.spec?.template.spec?.containers ?? []).flatMap((container) =>
          (container.env ?? []).filter((variable) => !variable.valueFrom).map((variable) => `${variable.name}=${variable.value}`),
        ),
      );
      const twiceInAContainer = sut.workloads().flatMap((workload) =>
        (workload.spec?.template.spec?.containers ?? []).flatMap((container) =>
          Object.entries(sut.resolveEnv(container).definitions)
            .filter(([, where]) => where.length > 1)
            .map(([key, where]) => `${workload.metadata?.name}: ${key} from ${where.join(' and ')}`),
        ),
      );
      const duplicates = (list: string[]) => [...new Set(list.filter((item, index) => list.indexOf(item) !== index))];

      expect(configMapKeys.length).toBeGreaterThan(0);
      expect(duplicates(configMapKeys)).toEqual([]);
      expect(duplicates(inline)).toEqual([]);
      expect(inline.map((item) => item.split('=')[0]).filter((key) => configMapKeys.includes(key))).toEqual([]);
      expect(twiceInAContainer).toEqual([]);
    });

    it('set KAFKA_BROKERS in one ConfigMap that every Kafka client reads', () => {
      const holders = sut.all<IConfigMap>('ConfigMap', sut.applied).filter((configMap) => 'KAFKA_BROKERS' in (configMap.data ?? {}));
      const clients = [...APP_NAMES.map((app) => `Deployment/${app}`), 'Job/migrate'];
      const reading = sut
        .workloads()
        .filter((workload) => (workload.spec?.template.spec?.containers[0]?.envFrom ?? []).some((source) => source.configMapRef?.name === holders[0]?.metadata?.name))
        .map((workload) => `${workload.kind}/${workload.metadata?.name}`);

      expect(holders).toHaveLength(1);
      expect(reading.sort()).toEqual(clients.sort());
    });

    it('run every workload under the restricted Pod Security Standard, with resource requests and limits', () => {
      const problems = sut.workloads().flatMap((workload) =>
        [...podSecurityProblems(workload.spec?.template.spec), ...resourceProblems(workload.spec?.template.spec)].map(
          (problem) => `${workload.kind}/${workload.metadata?.name}: ${problem}`,
        ),
      );

      expect(sut.workloads().length).toBeGreaterThan(0);
      expect(problems).toEqual([]);
    });

    it('point every *_FILE setting at a file of a mounted volume, created with that key', () => {
      const creations = readmeCreations(K8S_README());
      const problems = sut.workloads().flatMap((workload) => {
        const pod = workload.spec?.template.spec;
        return (pod?.containers ?? []).flatMap((container) =>
          Object.entries(sut.resolveEnv(container).env)
            .filter(([key, value]) => key.endsWith('_FILE') && posix.isAbsolute(value))
            .flatMap(([key, value]) => {
              const mount = (container.volumeMounts ?? []).find((m) => value.startsWith(`${m.mountPath.replace(/\/$/, '')}/`));
              const volume = pod?.volumes?.find((v) => v.name === mount?.name);
              const file = mount ? posix.relative(mount.mountPath, value) : '';
              const at = `${workload.metadata?.name}: ${key}=${value}`;
              if (!mount || !volume) return [`${at} is on no mounted volume`];
              const configMapName = volume.configMap?.name ?? volume.secret?.secretName;
              if (!configMapName) return [];
              const kind = volume.configMap ? 'ConfigMap' : 'Secret';
              const rendered = kind === 'ConfigMap' ? sut.find<IConfigMap>('ConfigMap', configMapName)?.data : undefined;
              const created = creations.find((c) => c.kind === kind && c.name === configMapName)?.keys;
              return rendered?.[file] !== undefined || created?.includes(file) ? [] : [`${at}: ${kind} ${configMapName} has no key ${file}`];
            }),
        );
      });

      expect(problems).toEqual([]);
    });

    it('read only Secrets and ConfigMaps that exist or that k8s/README.md tells how to create, with their keys', () => {
      const creations = readmeCreations(K8S_README());
      const created = (kind: ReadmeCreation['kind'], name: string, key?: string) =>
        creations.some((c) => c.kind === kind && c.name === name && (key === undefined || c.keys.includes(key)));
      const missing = sut.workloads().flatMap((workload) => {
        const pod = workload.spec?.template.spec;
        const at = `${workload.kind}/${workload.metadata?.name}`;
        const containers = [...(pod?.initContainers ?? []), ...(pod?.containers ?? [])];
        return [
          ...containers.flatMap((container) => [
            ...(container.env ?? [])
              .map((variable) => variable.valueFrom?.secretKeyRef)
              .filter((ref) => ref !== undefined)
              .filter((ref) => !created('Secret', ref.name ?? '', ref.key))
              .map((ref) => `${at}: Secret ${ref.name} key ${ref.key}`),
            ...(container.envFrom ?? [])
              .filter((source) => source.secretRef && !created('Secret', source.secretRef.name ?? ''))
              .map((source) => `${at}: Secret ${source.secretRef?.name}`),
            ...(container.envFrom ?? [])
              .filter((source) => source.configMapRef && !sut.find('ConfigMap', source.configMapRef.name ?? '') && !created('ConfigMap', source.configMapRef.name ?? ''))
              .map((source) => `${at}: ConfigMap ${source.configMapRef?.name}`),
          ]),
          ...(pod?.volumes ?? [])
            .filter((volume) => volume.secret && !created('Secret', volume.secret.secretName ?? ''))
            .map((volume) => `${at}: Secret volume ${volume.secret?.secretName}`),
          ...(pod?.volumes ?? [])
            .filter((volume) => volume.configMap && !sut.find('ConfigMap', volume.configMap.name ?? '') && !created('ConfigMap', volume.configMap.name ?? ''))
            .map((volume) => `${at}: ConfigMap volume ${volume.configMap?.name}`),
        ];
      });

      expect(missing).toEqual([]);
    });

    it('publish only the gateway, through one Ingress', () => {
      const ingresses = sut.all<IIngress>('Ingress');
      const backends = ingresses.flatMap((ingress) => [
        ...(ingress.spec?.defaultBackend ? [ingress.spec.defaultBackend] : []),
        ...(ingress.spec?.rules ?? []).flatMap((rule) => (rule.http?.paths ?? []).map((path) => path.backend)),
      ]);

      expect(ingresses).toHaveLength(1);
      expect(backends.length).toBeGreaterThan(0);
      expect([...new Set(backends.map((backend) => backend.service?.name))]).toEqual(['gateway']);
      expect(sut.all<IService>('Service').filter((service) => !['ClusterIP', undefined].includes(service.spec?.type)).map((s) => s.metadata?.name)).toEqual([]);
    });
  });

  describe('NetworkPolicies', () => {
    let cluster: Cluster;
    let sut: INetworkPolicy[];
    let pods: PodTemplate[];
    const pod = (owner: string) => pods.find((candidate) => candidate.owner === owner) as PodTemplate;
    const kubeDns = podIn('kube-system', { 'k8s-app': 'kube-dns' }, [{ name: 'dns', port: 53, protocol: 'UDP' }]);

    beforeAll(() => {
      cluster = clusterFor(overlay);
      sut = cluster.all<INetworkPolicy>('NetworkPolicy', cluster.applied);
      pods = cluster.podTemplates();
    });

    it('deny all ingress and egress in the namespace by default', () => {
      const denyAll = sut.filter(
        (policy) =>
          Object.keys(policy.spec?.podSelector ?? {}).length === 0 &&
          (['Ingress', 'Egress'] as const).every((type) => policy.spec?.policyTypes?.includes(type)) &&
          !policy.spec?.ingress &&
          !policy.spec?.egress,
      );

      expect(denyAll).toHaveLength(1);
    });

    it('select every pod, in both directions', () => {
      const open = pods.flatMap((p) =>
        (['Ingress', 'Egress'] as const).filter((direction) => !isIsolated(sut, podEndpoint(p), direction)).map((direction) => `${p.owner} ${direction}`),
      );

      expect(pods.length).toBe(APP_NAMES.length + 1);
      expect(open).toEqual([]);
    });

    it('let pods in the namespace reach only what the design has: gateway to every service, verifiers to the users JWKS', () => {
      const reached = pods.flatMap((from) =>
        pods.flatMap((to) =>
          listeningPorts(to)
            .filter((port) => from !== to && allows(sut, podEndpoint(from), podEndpoint(to), { port }))
            .map((port) => `${from.owner} -> ${to.owner}:${port}`),
        ),
      );
      const expected = [
        ...SERVICE_NAMES.map((service) => `Deployment/gateway -> Deployment/${service}:${DEFAULT_PORTS[service]}`),
        ...SERVICE_NAMES.filter((service) => service !== 'users').map((service) => `Deployment/${service} -> Deployment/users:${DEFAULT_PORTS.users}`),
      ];

      expect(reached.sort()).toEqual(expected.sort());
    });

    it('admit the ingress controller to the gateway only, and nobody else from outside', () => {
      const controller = podIn(INGRESS_CONTROLLER_NAMESPACE, { 'app.kubernetes.io/name': 'ingress-nginx' });
      const strangers: Endpoint[] = [podIn('default', { app: 'curl' }), { kind: 'address', ip: PUBLIC_ADDRESS }, { kind: 'address', ip: '10.1.2.3' }];
      const fromController = pods.flatMap((to) =>
        listeningPorts(to).filter((port) => allows(sut, controller, podEndpoint(to), { port })).map((port) => `${to.owner}:${port}`),
      );
      const fromStrangers = strangers.flatMap((from) =>
        pods.flatMap((to) => listeningPorts(to).filter((port) => allows(sut, from, podEndpoint(to), { port })).map((port) => `${to.owner}:${port}`)),
      );

      expect(fromController).toEqual([`Deployment/gateway:${DEFAULT_PORTS.gateway}`]);
      expect(fromStrangers).toEqual([]);
    });

    it('let Prometheus scrape every app on its announced metrics port from the monitoring namespace', () => {
      const prometheus = podIn(MONITORING_NAMESPACE, { 'app.kubernetes.io/name': 'prometheus' });
      const scraped = pods.filter((p) => p.annotations['prometheus.io/scrape'] === 'true');
      const refused = scraped.filter((p) => !allows(sut, prometheus, podEndpoint(p), { port: Number(p.annotations['prometheus.io/port']) }));

      expect(scraped.map((p) => p.owner).sort()).toEqual(APP_NAMES.map((app) => `Deployment/${app}`).sort());
      expect(refused.map((p) => p.owner)).toEqual([]);
    });

    it('let every pod resolve names with the cluster DNS', () => {
      const blind = pods.filter(
        (p) => !allows(sut, podEndpoint(p), kubeDns, { port: 53, protocol: 'UDP' }) || !allows(sut, podEndpoint(p), kubeDns, { port: 53, protocol: 'TCP' }),
      );

      expect(blind.map((p) => p.owner)).toEqual([]);
    });

    it('leave the namespace only for DNS, Postgres (services, Job), Kafka (every client), OTLP (apps) and Stripe (payments)', () => {
      const envOf = (p: PodTemplate) => cluster.resolveEnv(p.spec?.containers[0] ?? ({} as IContainer)).env;
      const kafkaPorts = (env: Record<string, string>) =>
        [...new Set((env.KAFKA_BROKERS ?? '').split(',').filter(Boolean).map((broker) => `TCP/${broker.split(':').pop()}`))];
      const expected = (p: PodTemplate) => {
        const env = envOf(p);
        const name = p.labels['app.kubernetes.io/name'];
        const database = p.owner === 'Deployment/gateway' ? [] : [`TCP/${env.DB_PORT ?? new ServiceConfig().DB_PORT}`];
        const otlp = p.owner.startsWith('Job/') ? [] : [`TCP/${OTLP_HTTP_PORT}`];
        const stripe = name === 'payments' ? ['TCP/443'] : [];
        return [...new Set([...DNS, ...database, ...kafkaPorts(env), ...otlp, ...stripe])].sort();
      };
      const actual = pods.map((p) => `${p.owner}: ${externalEgressPorts(sut, podEndpoint(p)).join(' ')}`);

      expect(kafkaPorts(envOf(pod('Deployment/gateway'))).length).toBeGreaterThan(0);
      expect(actual).toEqual(pods.map((p) => `${p.owner}: ${expected(p).join(' ')}`));
    });

    it('let payments, and only payments, reach public addresses on 443 (Stripe), no private ones', () => {
      const reaching = pods.filter((p) => allows(sut, podEndpoint(p), { kind: 'address', ip: PUBLIC_ADDRESS }, { port: 443 })).map((p) => p.owner);

      expect(reaching).toEqual(['Deployment/payments']);
      expect(allows(sut, podEndpoint(pod('Deployment/payments')), { kind: 'address', ip: '10.1.2.3' }, { port: 443 })).toBe(false);
      expect(allows(sut, podEndpoint(pod('Deployment/payments')), { kind: 'address', ip: PUBLIC_ADDRESS }, { port: 80 })).toBe(false);
    });
  });

  describe.each(APP_NAMES.map((app) => [app]))('%s', (app: AppName) => {
    const port = DEFAULT_PORTS[app];
    const schemas = configClassesFor(app);
    let cluster: Cluster;
    let sut: IDeployment;
    let container: IContainer;

    beforeAll(() => {
      cluster = clusterFor(overlay);
      sut = cluster.find<IDeployment>('Deployment', app) ?? ({} as IDeployment);
      container = sut.spec?.template.spec?.containers.find((candidate) => candidate.name === app) ?? ({} as IContainer);
    });

    it('has a Deployment and a Service named after the app', () => {
      expect(cluster.find<IDeployment>('Deployment', app)).toBeDefined();
      expect(cluster.find<IService>('Service', app)).toBeDefined();
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
      it('counts a request through the ingress controller by the client address the controller saw, not by its own pod', () => {
        const config = loadConfig(GatewayConfig, cluster.resolveEnv(container).env);
        const trust = { hops: config.TRUSTED_INGRESS_HOPS, addresses: AddressList.parse(config.TRUSTED_INGRESS_CIDRS) };
        const controllerPod = '10.244.3.9';

        expect(clientAddress(controllerPod, PUBLIC_ADDRESS, trust)).toBe(PUBLIC_ADDRESS);
        expect(clientAddress(controllerPod, `198.51.100.66, ${PUBLIC_ADDRESS}`, trust)).toBe(PUBLIC_ADDRESS);
      });

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
        const others = cluster
          .workloads()
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

    if (app === 'inventory') {
      it('keeps product images in Postgres, which every replica shares, and on no volume of its own', () => {
        const { env } = cluster.resolveEnv(container);
        const volumes = (sut.spec?.template.spec?.volumes ?? []).filter((volume) => !(volume.name === 'tmp' && volume.emptyDir) && !volume.configMap);

        expect(env.IMAGE_STORAGE).toBe('postgres');
        expect(loadInventoryConfig(env).IMAGE_STORAGE).toBe('postgres');
        expect(env.IMAGE_STORAGE_DIR).toBeUndefined();
        expect(volumes.map((volume) => volume.name)).toEqual([]);
      });
    }

    if (replicas.autoscaled) {
      it(`is scaled by an autoscaling/v2 autoscaler targeting its Deployment, from ${replicas.min} replicas`, () => {
        const hpa = cluster.find<IHorizontalPodAutoscaler>('HorizontalPodAutoscaler', app);

        expect(hpa?.apiVersion).toBe('autoscaling/v2');
        expect(hpa?.spec?.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: app });
        expect(hpa?.spec?.minReplicas ?? 1).toBeGreaterThanOrEqual(replicas.min);
        expect(hpa?.spec?.maxReplicas).toBeGreaterThanOrEqual(hpa?.spec?.minReplicas ?? 1);
        expect(hpa?.spec?.metrics?.length).toBeGreaterThan(0);
        expect(sut.spec?.replicas).toBeUndefined();
      });
    } else {
      it(`runs ${replicas.min} replica, without an autoscaler`, () => {
        expect(cluster.all<IHorizontalPodAutoscaler>('HorizontalPodAutoscaler')).toEqual([]);
        expect(sut.spec?.replicas).toBe(replicas.min);
      });
    }

    it('has one disruption budget for its pods that lets a drain evict a pod, and never its last ready one', () => {
      const labels = sut.spec?.template.metadata?.labels ?? {};
      const budgets = cluster.all<IPodDisruptionBudget>('PodDisruptionBudget').filter((budget) => selectorMatches(budget.spec?.selector, labels));
      const covered = cluster.podTemplates().filter((pod) => budgets.some((budget) => selectorMatches(budget.spec?.selector, pod.labels)));
      const fewest = cluster.find<IHorizontalPodAutoscaler>('HorizontalPodAutoscaler', app)?.spec?.minReplicas ?? sut.spec?.replicas ?? 1;
      const evictable = evictablePods(budgets[0], fewest);

      expect(budgets).toHaveLength(1);
      expect(Object.keys(budgets[0]?.spec?.selector?.matchLabels ?? {}).length).toBeGreaterThan(0);
      expect(covered.map((pod) => pod.owner)).toEqual([`Deployment/${app}`]);
      expect(evictable).toBeGreaterThanOrEqual(1);
      if (fewest >= 2) expect(fewest - evictable).toBeGreaterThanOrEqual(1);
    });
  });

  describe.each(SERVICE_NAMES.map((service) => [service]))('%s database access', (service: ServiceName) => {
    let cluster: Cluster;
    let sut: IJob | undefined;

    const secretRefOf = (container: IContainer | undefined, variable: string) =>
      container?.env?.find((candidate) => candidate.name === variable)?.valueFrom?.secretKeyRef;
    const appContainer = (app: ServiceName) =>
      cluster.find<IDeployment>('Deployment', app)?.spec?.template.spec?.containers.find((c) => c.name === app);
    const migrationContainer = () => sut?.spec?.template.spec?.containers[0];

    beforeAll(() => {
      cluster = clusterFor(overlay);
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

    it('is migrated against the database and Kafka the service uses', () => {
      const shared = ['DB_HOST', 'DB_PORT', 'DB_NAME', 'DB_SSL_MODE', 'DB_SSL_CA_FILE', 'KAFKA_BROKERS', 'KAFKA_SSL', 'KAFKA_SASL_MECHANISM'];
      const pick = (env: Record<string, string>) => Object.fromEntries(shared.filter((key) => key in env).map((key) => [key, env[key]]));
      const appEnv = cluster.resolveEnv(appContainer(service) ?? ({} as IContainer)).env;

      expect(appEnv.DB_HOST).toBeDefined();
      expect(pick(cluster.resolveEnv(migrationContainer() ?? ({} as IContainer)).env)).toEqual(pick(appEnv));
    });
  });

  describe('gateway routing', () => {
    let cluster: Cluster;
    let sut: IIngress | undefined;

    beforeAll(() => {
      cluster = clusterFor(overlay);
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

    it('terminates TLS for every host it serves', () => {
      const hosts = (sut?.spec?.rules ?? []).map((rule) => rule.host);

      expect(hosts.length).toBeGreaterThan(0);
      expect((sut?.spec?.tls ?? []).flatMap((tls) => tls.hosts ?? []).sort()).toEqual([...hosts].sort());
    });
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
