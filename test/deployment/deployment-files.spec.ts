// Offline checks of the deployment files (Dockerfile, docker-compose.yml, deploy/, and k8s/ as
// `kubectl kustomize` renders each overlay) against the code they deploy: app names, ports,
// health endpoints, the config classes' variables, network reachability and disruption budgets.
import 'reflect-metadata';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, relative } from 'node:path';
import { type IDeployment } from 'kubernetes-models/apps/v1';
import { type INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { type IContainer, type IPodSpec, type ISecret } from 'kubernetes-models/v1';
import { parse } from 'yaml';
import { APP_NAMES, AppName, AuthConfig, DEFAULT_PORTS, GatewayConfig, SERVICE_NAMES, ServiceConfig, ServiceName, databaseRoleFor, upstreamUrlVariable } from '@galley/config';
import { loadInventoryConfig } from '../../apps/inventory/src/config/inventory-config';
import { allows, externalEgressPorts, podIn } from './network-policies';
import {
  authSetting,
  badKeys,
  configClassesFor,
  configKeys,
  configKeysOf,
  configProblems,
  configProblemsOf,
  JWKS_PATH,
  jwksTarget,
  K8S_DIR,
  MIGRATE_SCRIPT,
  migrationEnvFor,
  migrationPasswordVariable,
  NAMESPACE,
  productionRequiredKeys,
  productionRequiredKeysOf,
  PUBLIC_ADDRESS,
  requiredKeys,
  requiredKeysOf,
  ROOT,
  SECRET_TEMPLATE,
  trustsProxy,
} from './deployment-config';
import {
  baseResourceFiles,
  Cluster,
  composeEnv,
  ComposeFile,
  ComposeService,
  composeStructureProblems,
  dependencyCondition,
  imageName,
  K8S_README,
  k8sYamlErrors,
  k8sYamlFiles,
  loadCompose,
  OVERLAYS,
  parseManifests,
  podSecurityProblems,
  readmeCreations,
  transitiveDependencies,
} from './deployment-manifests';

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
        spec: {
          podSelector: { matchLabels: { app: 'db' } },
          policyTypes: ['Ingress'],
          ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 'pg' }] }],
        },
      },
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name: 'web', namespace: 'shop' },
        spec: {
          podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['web'] }] },
          policyTypes: ['Egress'],
          egress: [
            { to: [{ podSelector: { matchLabels: { app: 'db' } } }], ports: [{ port: 5432 }] },
            { to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } }], ports: [{ port: 443 }] },
          ],
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
    const fromTemplate = template
      .map(
        (secret) =>
          `${secret.metadata?.name}: ${Object.keys({ ...secret.data, ...secret.stringData })
            .sort()
            .join(',')}`,
      )
      .sort();

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
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
      .split('\n')
      .map((line) => line.trim());

    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'dist', '.git', '.env']));
  });
});
