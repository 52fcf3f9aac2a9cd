import type { INetworkPolicy, INetworkPolicyPeer, INetworkPolicyPort } from 'kubernetes-models/networking.k8s.io/v1';

type ILabelSelector = NonNullable<INetworkPolicy['spec']>['podSelector'];

// What a set of NetworkPolicies allows, as the Kubernetes API defines it (networking.k8s.io/v1):
// a pod selected by no policy of a direction is open in that direction; a selected pod accepts
// (sends) what at least one rule of a selecting policy allows; a connection needs the sender's
// egress and the receiver's ingress. Pods have no address here, so ipBlocks match only endpoints
// outside the cluster (as for pod traffic, where ipBlock matching is implementation-defined).

/** One end of a connection: a pod (namespace and labels, its named ports) or an address outside the cluster. */
export type Endpoint =
  { kind: 'pod'; namespace: string; namespaceLabels: Record<string, string>; labels: Record<string, string>; ports?: NamedPort[] } | { kind: 'address'; ip: string };

export interface NamedPort {
  name?: string;
  port: number;
  protocol?: string;
}

export interface Connection {
  port: number;
  protocol?: 'TCP' | 'UDP' | 'SCTP';
}

/** A pod in a namespace, with the label every namespace carries (kubernetes.io/metadata.name). */
export function podIn(namespace: string, labels: Record<string, string>, ports: NamedPort[] = []): Endpoint {
  return { kind: 'pod', namespace, namespaceLabels: { 'kubernetes.io/metadata.name': namespace }, labels, ports };
}

export function selectorMatches(selector: ILabelSelector | undefined, labels: Record<string, string>): boolean {
  if (!selector) return true;
  const byLabel = Object.entries(selector.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
  const byExpression = (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
    if (operator === 'In') return key in labels && values.includes(labels[key]);
    if (operator === 'NotIn') return !(key in labels) || !values.includes(labels[key]);
    if (operator === 'Exists') return key in labels;
    if (operator === 'DoesNotExist') return !(key in labels);
    return false;
  });
  return byLabel && byExpression;
}

function ipv4(ip: string): number | undefined {
  const parts = ip.split('.').map(Number);
  if (parts.length !== 4 || parts.some((part) => !Number.isInteger(part) || part < 0 || part > 255)) return undefined;
  return parts.reduce((value, part) => value * 256 + part, 0);
}

export function inCidr(ip: string, cidr: string): boolean {
  const [network, bits] = cidr.split('/');
  const address = ipv4(ip);
  const base = ipv4(network);
  const length = Number(bits ?? 32);
  if (address === undefined || base === undefined || !(length >= 0 && length <= 32)) return false;
  const size = 2 ** (32 - length);
  return Math.floor(address / size) === Math.floor(base / size);
}

function peerMatches(peer: INetworkPolicyPeer, policyNamespace: string, endpoint: Endpoint): boolean {
  if (peer.ipBlock) {
    return endpoint.kind === 'address' && inCidr(endpoint.ip, peer.ipBlock.cidr) && !(peer.ipBlock.except ?? []).some((cidr) => inCidr(endpoint.ip, cidr));
  }
  if (endpoint.kind !== 'pod') return false;
  const namespaceOk = peer.namespaceSelector ? selectorMatches(peer.namespaceSelector, endpoint.namespaceLabels) : endpoint.namespace === policyNamespace;
  return namespaceOk && selectorMatches(peer.podSelector, endpoint.labels);
}

/** Whether a rule's port entry admits the connection; a named port is looked up on the receiving pod. */
function portMatches(entry: INetworkPolicyPort, connection: Connection, receiver: Endpoint): boolean {
  if ((entry.protocol ?? 'TCP') !== (connection.protocol ?? 'TCP')) return false;
  if (entry.port === undefined) return true;
  if (typeof entry.port === 'number') {
    return entry.endPort === undefined ? entry.port === connection.port : connection.port >= entry.port && connection.port <= entry.endPort;
  }
  const named = receiver.kind === 'pod' ? (receiver.ports ?? []) : [];
  return named.some((p) => p.name === entry.port && p.port === connection.port && (p.protocol ?? 'TCP') === (connection.protocol ?? 'TCP'));
}

function policyTypes(policy: INetworkPolicy): string[] {
  if (policy.spec?.policyTypes) return policy.spec.policyTypes;
  return ['Ingress', ...(policy.spec?.egress ? ['Egress'] : [])];
}

function selecting(policies: INetworkPolicy[], pod: Endpoint, direction: 'Ingress' | 'Egress'): INetworkPolicy[] {
  if (pod.kind !== 'pod') return [];
  return policies.filter(
    (policy) => (policy.metadata?.namespace ?? '') === pod.namespace && policyTypes(policy).includes(direction) && selectorMatches(policy.spec?.podSelector, pod.labels),
  );
}

/** Whether the pod is isolated in that direction: some policy of that type selects it. */
export function isIsolated(policies: INetworkPolicy[], pod: Endpoint, direction: 'Ingress' | 'Egress'): boolean {
  return selecting(policies, pod, direction).length > 0;
}

function ingressAllows(policies: INetworkPolicy[], from: Endpoint, to: Endpoint, connection: Connection): boolean {
  if (to.kind !== 'pod') return true;
  const applying = selecting(policies, to, 'Ingress');
  if (applying.length === 0) return true;
  return applying.some((policy) =>
    (policy.spec?.ingress ?? []).some(
      (rule) =>
        (!rule.from || rule.from.some((peer) => peerMatches(peer, policy.metadata?.namespace ?? '', from))) &&
        (!rule.ports || rule.ports.some((entry) => portMatches(entry, connection, to))),
    ),
  );
}

function egressAllows(policies: INetworkPolicy[], from: Endpoint, to: Endpoint, connection: Connection): boolean {
  if (from.kind !== 'pod') return true;
  const applying = selecting(policies, from, 'Egress');
  if (applying.length === 0) return true;
  return applying.some((policy) =>
    (policy.spec?.egress ?? []).some(
      (rule) =>
        (!rule.to || rule.to.some((peer) => peerMatches(peer, policy.metadata?.namespace ?? '', to))) &&
        (!rule.ports || rule.ports.some((entry) => portMatches(entry, connection, to))),
    ),
  );
}

/** Whether `from` may open the connection to `to`: its egress and the receiver's ingress allow it. */
export function allows(policies: INetworkPolicy[], from: Endpoint, to: Endpoint, connection: Connection): boolean {
  return egressAllows(policies, from, to, connection) && ingressAllows(policies, from, to, connection);
}

/**
 * The ports a pod may send to outside its own namespace's pods (ipBlocks, other namespaces), by
 * rule; `all` for a rule without ports. What a pod's egress reaches beyond the namespace.
 */
export function externalEgressPorts(policies: INetworkPolicy[], pod: Endpoint): string[] {
  const ports = selecting(policies, pod, 'Egress').flatMap((policy) =>
    (policy.spec?.egress ?? [])
      .filter((rule) => !rule.to || rule.to.some((peer) => peer.ipBlock !== undefined || peer.namespaceSelector !== undefined))
      .flatMap((rule) => (rule.ports ?? [{ port: undefined }]).map((entry) => (entry.port === undefined ? 'all' : `${entry.protocol ?? 'TCP'}/${entry.port}`))),
  );
  return [...new Set(ports)].sort();
}
