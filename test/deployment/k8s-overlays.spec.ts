// Each k8s overlay as `kubectl kustomize` renders it, checked against the code it deploys (split
// out of deployment-files.spec.ts, which holds the helpers' other users).
import 'reflect-metadata';
import { posix } from 'node:path';
import { type IDeployment } from 'kubernetes-models/apps/v1';
import { type IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { type IJob } from 'kubernetes-models/batch/v1';
import { type IIngress, type INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { type IPodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { type IConfigMap, type IContainer, type ISecret, type IService } from 'kubernetes-models/v1';
import { APP_NAMES, AppName, DEFAULT_PORTS, GatewayConfig, SERVICE_NAMES, ServiceConfig, ServiceName, databaseRoleFor, loadConfig, upstreamUrlVariable } from '@galley/config';
import { loadInventoryConfig } from '../../apps/inventory/src/config/inventory-config';
import { AddressList } from '@galley/platform';
import { clientAddress } from '../../apps/gateway/src/edge/client-address';
import { allows, externalEgressPorts, isIsolated, podIn, selectorMatches, type Endpoint } from './network-policies';
import {
  configClassesFor,
  configKeys,
  configKeysOf,
  configProblems,
  configProblemsOf,
  JWKS_PATH,
  jwksTarget,
  MIGRATE_SCRIPT,
  migrationEnvFor,
  migrationPasswordVariable,
  NAMESPACE,
  nginxSizeBytes,
  PLACEHOLDER,
  productionRequiredKeysOf,
  PUBLIC_ADDRESS,
  requiredKeysOf,
  SECRET_VARIABLES,
  trustsProxy,
} from './deployment-config';
import {
  Cluster,
  clusterFor,
  containerPort,
  describeObject,
  DNS,
  evictablePods,
  INGRESS_CONTROLLER_NAMESPACE,
  K8S_README,
  KubeObject,
  listeningPorts,
  matchesSelector,
  modelKey,
  MODELS,
  MONITORING_NAMESPACE,
  OTLP_HTTP_PORT,
  Overlay,
  OVERLAY_REPLICAS,
  OVERLAYS,
  podEndpoint,
  podSecurityProblems,
  PodTemplate,
  probeTarget,
  ReadmeCreation,
  readmeCreations,
  referencedSecrets,
  resourceProblems,
  unknownFieldErrors,
} from './deployment-manifests';
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
      const values = template.flatMap((secret) => [...Object.values(secret.stringData ?? {}), ...Object.values(secret.data ?? {}).map((v) => Buffer.from(v, 'base64').toString())]);

      expect(sut.all('Secret', sut.applied)).toEqual([]);
      expect(sut.secretTemplate.filter(({ object }) => object.kind !== 'Secret').map(describeObject)).toEqual([]);
      expect(template.length).toBeGreaterThan(0);
      expect(values.filter((value) => value !== PLACEHOLDER)).toEqual([]);
    });

    it('resolve every ConfigMap and Secret that a workload references', () => {
      const problems = sut
        .workloads()
        .flatMap((workload) =>
          (workload.spec?.template.spec?.containers ?? []).flatMap((container) =>
            sut.resolveEnv(container).problems.map((problem) => `${workload.kind}/${workload.metadata?.name}: ${problem}`),
          ),
        );

      expect(sut.workloads().length).toBeGreaterThan(0);
      expect(problems).toEqual([]);
    });

    it('define every setting once: one ConfigMap per key, nothing set inline that a ConfigMap or another workload also sets', () => {
      const configMapKeys = sut.all<IConfigMap>('ConfigMap', sut.applied).flatMap((configMap) => Object.keys(configMap.data ?? {}));
      const inline = sut
        .workloads()
        .flatMap((workload) =>
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
      const problems = sut
        .workloads()
        .flatMap((workload) =>
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
      expect(
        sut
          .all<IService>('Service')
          .filter((service) => !['ClusterIP', undefined].includes(service.spec?.type))
          .map((s) => s.metadata?.name),
      ).toEqual([]);
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
        listeningPorts(to)
          .filter((port) => allows(sut, controller, podEndpoint(to), { port }))
          .map((port) => `${to.owner}:${port}`),
      );
      const fromStrangers = strangers.flatMap((from) =>
        pods.flatMap((to) =>
          listeningPorts(to)
            .filter((port) => allows(sut, from, podEndpoint(to), { port }))
            .map((port) => `${to.owner}:${port}`),
        ),
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
      const kafkaPorts = (env: Record<string, string>) => [
        ...new Set(
          (env.KAFKA_BROKERS ?? '')
            .split(',')
            .filter(Boolean)
            .map((broker) => `TCP/${broker.split(':').pop()}`),
        ),
      ];
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

    const secretRefOf = (container: IContainer | undefined, variable: string) => container?.env?.find((candidate) => candidate.name === variable)?.valueFrom?.secretKeyRef;
    const appContainer = (app: ServiceName) => cluster.find<IDeployment>('Deployment', app)?.spec?.template.spec?.containers.find((c) => c.name === app);
    const migrationContainer = () => sut?.spec?.template.spec?.containers[0];

    beforeAll(() => {
      cluster = clusterFor(overlay);
      sut = cluster.all<IJob>('Job').find((job) => job.spec?.template.spec?.containers[0]?.command?.includes(MIGRATE_SCRIPT));
    });

    it('connects as its own role with the password from a Secret of its own', () => {
      const container = appContainer(service);
      const others = SERVICE_NAMES.filter((other) => other !== service).map((other) => secretRefOf(appContainer(other), 'DB_PASSWORD')?.name);

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
      const api = sut?.spec?.rules?.flatMap((rule) => rule.http?.paths ?? []).find((path) => path.path === '/api' && path.pathType === 'Prefix');
      const backendPort = api?.backend.service?.port;
      const servicePort = gatewayService?.spec?.ports?.find((p) => (backendPort?.name ? p.name === backendPort.name : p.port === backendPort?.number));

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
