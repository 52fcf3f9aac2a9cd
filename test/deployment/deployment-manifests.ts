// Reading the deployment files for the checks (split out of deployment-files.spec.ts): k8s/ as
// `kubectl kustomize` renders each overlay, its README, and docker-compose.yml.
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { Deployment, type IDeployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Job, type IJob } from 'kubernetes-models/batch/v1';
import { Ingress, NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget, type IPodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Namespace, Secret, Service, type IConfigMap, type IContainer, type IPodSpec, type IProbe, type ISecret } from 'kubernetes-models/v1';
import * as ts from 'typescript';
import { parse, parseAllDocuments } from 'yaml';
import { podIn, type Endpoint } from './network-policies';
import { K8S_DIR, NAMESPACE, PLACEHOLDER, PLACEHOLDER_SHAPES, ROOT, SECRET_TEMPLATE } from './deployment-config';
export const OVERLAYS = ['prod', 'dev'] as const;
export type Overlay = (typeof OVERLAYS)[number];
/** What each overlay promises about replicas: prod autoscales from 2 of each app, dev runs one. */
export const OVERLAY_REPLICAS: Record<Overlay, { autoscaled: boolean; min: number }> = {
  prod: { autoscaled: true, min: 2 },
  dev: { autoscaled: false, min: 1 },
};
/** The namespaces the NetworkPolicies admit (placeholders in k8s/base/network-policies.yaml). */
export const INGRESS_CONTROLLER_NAMESPACE = 'ingress-nginx';
export const MONITORING_NAMESPACE = 'monitoring';
/** OTLP/HTTP, where the apps send traces (OTEL_EXPORTER_OTLP_ENDPOINT) when tracing is on. */
export const OTLP_HTTP_PORT = 4318;
export const DNS = ['TCP/53', 'UDP/53'];

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata?: { name?: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

export interface Manifest {
  file: string;
  object: KubeObject;
}

export interface ModelEntry {
  create: (data: never) => { validate(): void };
  /** The kubernetes-models declaration of the kind, for the unknown-field check. */
  module: string;
  type: string;
}

export const MODELS: Record<string, ModelEntry> = {
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

export const modelKey = (object: KubeObject) => `${object.apiVersion}/${object.kind}`;
export const describeObject = ({ file, object }: Manifest) => `${file}: ${object.kind}/${object.metadata?.name}`;

/** Every YAML file under k8s/, relative to it. */
export function k8sYamlFiles(): string[] {
  return (readdirSync(K8S_DIR, { recursive: true }) as string[]).filter((file) => /\.ya?ml$/.test(file)).sort();
}

/** The YAML files of the base that are resources (all but its kustomization.yaml). */
export function baseResourceFiles(): string[] {
  return readdirSync(join(K8S_DIR, 'base'))
    .filter((file) => /\.ya?ml$/.test(file) && file !== 'kustomization.yaml')
    .sort();
}

/** Parse errors, warnings and duplicate keys of every YAML file under k8s/. */
export function k8sYamlErrors(): string[] {
  return k8sYamlFiles().flatMap((file) =>
    parseAllDocuments(readFileSync(join(K8S_DIR, file), 'utf8')).flatMap((document) => [...document.errors, ...document.warnings].map((error) => `${file}: ${error.message}`)),
  );
}

export const renderedKustomizations = new Map<string, string>();

/** `kubectl kustomize <dir>`: the objects `kubectl apply -k <dir>` would send. */
export function renderKustomization(dir: string): string {
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
      throw new Error('kubectl is not on the PATH: these checks render k8s/overlays/* with `kubectl kustomize` (install kubectl)', { cause: error });
    }
    throw new Error(`kubectl kustomize ${dir} failed: ${failure.stderr || failure.message}`, { cause: error });
  }
  renderedKustomizations.set(dir, output);
  return output;
}

export function parseManifests(text: string, file: string): { manifests: Manifest[]; yamlErrors: string[] } {
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
export function unknownFieldErrors(manifests: Manifest[]): string[] {
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
  host.getSourceFile = (name, languageVersion, ...rest) => (name === fileName ? ts.createSourceFile(name, source, languageVersion) : getSourceFile(name, languageVersion, ...rest));
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

export type EnvSource = 'value' | 'ConfigMap' | 'Secret' | 'downward API';

/** A workload's pod: who owns it, its labels and its spec. */
export interface PodTemplate {
  owner: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  spec: IPodSpec | undefined;
}

export class Cluster {
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

export const clusters = new Map<Overlay, Cluster>();
export function clusterFor(overlay: Overlay): Cluster {
  const cluster = clusters.get(overlay) ?? new Cluster(`overlays/${overlay}`);
  clusters.set(overlay, cluster);
  return cluster;
}

export function containerPort(container: IContainer, port: number | string | undefined): number | undefined {
  if (typeof port === 'number') return port;
  return container.ports?.find((candidate) => candidate.name === port)?.containerPort;
}

export function probeTarget(container: IContainer, probe: IProbe | undefined): { path?: string; port?: number } {
  return { path: probe?.httpGet?.path, port: containerPort(container, probe?.httpGet?.port) };
}

export function matchesSelector(selector: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.entries(selector).every(([key, value]) => labels[key] === value);
}

/**
 * The restricted Pod Security Standard and more: every container non-root, no privilege
 * escalation, all capabilities dropped and none added, a read-only root filesystem, the
 * RuntimeDefault seccomp profile (pod and container); no host namespaces, no API token.
 */
export function podSecurityProblems(pod: IPodSpec | undefined): string[] {
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
export function referencedSecrets(pod: IPodSpec | undefined): string[] {
  const containers = [...(pod?.initContainers ?? []), ...(pod?.containers ?? [])];
  return [
    ...containers.flatMap((container) => (container.env ?? []).map((variable) => variable.valueFrom?.secretKeyRef?.name)),
    ...containers.flatMap((container) => (container.envFrom ?? []).map((source) => source.secretRef?.name)),
    ...(pod?.volumes ?? []).map((volume) => volume.secret?.secretName),
  ].filter((name): name is string => name !== undefined);
}

export function resourceProblems(pod: IPodSpec | undefined): string[] {
  return (pod?.containers ?? []).flatMap((container) =>
    (['requests', 'limits'] as const).flatMap((bound) =>
      (['cpu', 'memory'] as const).filter((resource) => container.resources?.[bound]?.[resource] === undefined).map((resource) => `${container.name}: no ${resource} ${bound}`),
    ),
  );
}

/** How many of `replicas` pods a drain may evict at once under the budget (percentages round up, as Kubernetes does). */
export function evictablePods(budget: IPodDisruptionBudget | undefined, replicas: number): number {
  const count = (value: number | string) => (typeof value === 'number' ? value : Math.ceil((Number.parseInt(value, 10) / 100) * replicas));
  if (budget?.spec?.maxUnavailable !== undefined) return Math.min(replicas, count(budget.spec.maxUnavailable));
  if (budget?.spec?.minAvailable !== undefined) return Math.max(0, replicas - count(budget.spec.minAvailable));
  return replicas;
}

/** The pod as a NetworkPolicy sees it: in the galley namespace, with its labels and named ports. */
export function podEndpoint(pod: PodTemplate): Endpoint {
  const ports = (pod.spec?.containers ?? []).flatMap((container) =>
    (container.ports ?? []).map((port) => ({ name: port.name, port: port.containerPort, protocol: port.protocol })),
  );
  return podIn(NAMESPACE, pod.labels, ports);
}

/** The ports a pod listens on (every container port), to try every connection. */
export function listeningPorts(pod: PodTemplate): number[] {
  return (pod.spec?.containers ?? []).flatMap((container) => (container.ports ?? []).map((port) => port.containerPort));
}

/** What the README tells the operator to create with `kubectl create secret generic` / `create configmap`. */
export interface ReadmeCreation {
  kind: 'Secret' | 'ConfigMap';
  name: string;
  keys: string[];
}

/**
 * The Secrets and ConfigMaps the shell blocks of a README create, with their keys
 * (`--from-literal=KEY=…`, `--from-file=KEY=path` or `--from-file=path`), expanding the variable
 * of an enclosing `for x in a b c; do … done`.
 */
export function readmeCreations(markdown: string): ReadmeCreation[] {
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

export const K8S_README = () => readFileSync(join(K8S_DIR, 'README.md'), 'utf8');

// ---------------------------------------------------------------------------------------------
// docker-compose.yml: no schema library is installed, so its structure is checked by hand.

export interface ComposeService {
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

export interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
  [field: string]: unknown;
}

export function loadCompose(): { compose: ComposeFile; yamlErrors: string[] } {
  const text = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
  const yamlErrors: string[] = [];
  const documents = parseAllDocuments(text, { merge: true });
  for (const document of documents) {
    yamlErrors.push(...[...document.errors, ...document.warnings].map((error) => error.message));
  }
  if (documents.length !== 1) yamlErrors.push(`expected one YAML document, found ${documents.length}`);
  return { compose: parse(text, { merge: true }) as ComposeFile, yamlErrors };
}

export const TOP_LEVEL_KEYS = new Set(['name', 'services', 'volumes', 'networks', 'configs', 'secrets', 'include', 'version']);
export const SERVICE_KEYS = new Set([
  'image',
  'build',
  'command',
  'entrypoint',
  'environment',
  'env_file',
  'depends_on',
  'ports',
  'expose',
  'volumes',
  'healthcheck',
  'restart',
  'init',
  'networks',
  'user',
  'working_dir',
  'labels',
  'profiles',
  'stop_grace_period',
  'stop_signal',
  'deploy',
  'logging',
  'ulimits',
  'tmpfs',
  'read_only',
  'container_name',
  'hostname',
  'extra_hosts',
  'cap_drop',
  'cap_add',
  'security_opt',
  'platform',
  'pull_policy',
  'shm_size',
]);
export const DEPENDS_ON_CONDITIONS = new Set(['service_started', 'service_healthy', 'service_completed_successfully']);

export function dependsOnNames(service: ComposeService): string[] {
  const dependsOn = service.depends_on ?? [];
  return Array.isArray(dependsOn) ? dependsOn : Object.keys(dependsOn);
}

export function dependencyCondition(service: ComposeService, name: string): string | undefined {
  const dependsOn = service.depends_on;
  if (!dependsOn) return undefined;
  if (Array.isArray(dependsOn)) return dependsOn.includes(name) ? 'service_started' : undefined;
  return dependsOn[name] ? (dependsOn[name].condition ?? 'service_started') : undefined;
}

export function composeStructureProblems(compose: ComposeFile): string[] {
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
      if (/^[./~]/.test(source)) {
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
export function transitiveDependencies(compose: ComposeFile, name: string, seen = new Set<string>()): Set<string> {
  for (const dependency of dependsOnNames(compose.services[name] ?? {})) {
    if (seen.has(dependency)) continue;
    seen.add(dependency);
    transitiveDependencies(compose, dependency, seen);
  }
  return seen;
}

export function composeEnv(service: ComposeService | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(service?.environment ?? {}).map(([k, v]) => [k, v === null ? '' : String(v)]));
}

export function imageName(image: string | undefined): string {
  return (image ?? '').replace(/[:@].*$/, '');
}

// =============================================================================================
