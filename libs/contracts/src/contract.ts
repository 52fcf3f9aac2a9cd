import { AppName, ServiceName } from '@galley/config';
import { TopicName } from './topics';

type PayloadClass<P extends object> = new () => P;

/** One event type at one version: where it is published, who reads it, and its payload schema. */
export interface EventContract<P extends object = object> {
  readonly type: string;
  readonly version: number;
  readonly topic: TopicName;
  readonly producer: ServiceName;
  readonly consumers: readonly AppName[];
  readonly description: string;
  readonly payload: PayloadClass<P>;
}

export function defineEvent<P extends object>(contract: EventContract<P>): EventContract<P> {
  return Object.freeze({ ...contract, consumers: Object.freeze([...contract.consumers]) });
}

/** The payload type a contract describes, for typed publishers and handlers. */
export type PayloadOf<C> = C extends EventContract<infer P> ? P : never;

export function contractKey(type: string, version: number): string {
  return `${type}@v${version}`;
}
