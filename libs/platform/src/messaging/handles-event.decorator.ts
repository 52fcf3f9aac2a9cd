import { UseFilters } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import { contractKey, EventContract } from '@galley/contracts';
import { EventContext } from './event-context';
import { EventErrorPassThrough } from './event-errors.filter';

/** The transport id of Galley's event transport: `@HandlesEvent` handlers are served by it and by no other. */
export const GALLEY_EVENTS = Symbol('galley-events');

const HANDLED_CONTRACTS = 'galley:handled-contracts';
const passThrough = new EventErrorPassThrough();

/** What Nest hands the transport with each handler (the `extras` of its `@EventPattern`). */
export interface HandlerExtras {
  readonly contract: EventContract;
  /** `Class.method`, for messages that name the handler. */
  readonly handler: string;
}

/** The shape of a handler for events of payload `P`: the payload, then the envelope and transaction (`@Ctx()`). */
export type EventHandlerMethod<P extends object> = (payload: P, context: EventContext<P>) => Promise<void>;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * The check `@HandlesEvent(contract)` makes at compile time: the method's first parameter is exactly the contract's
 * payload class (not a narrower or a wider type), and its second, if any, the context of that payload.
 */
export type HandlerOf<P extends object, M> = M extends (payload: infer A, ...rest: infer R) => Promise<void>
  ? Same<A, P> extends true
    ? R extends [] | [EventContext<P>] | [EventContext<P>?]
      ? M
      : { 'the second parameter must be': EventContext<P> }
    : { 'the first parameter must be the payload of the contract': P }
  : EventHandlerMethod<P>;

/**
 * Makes a controller method the handler of one event contract, served by Galley's event transport:
 *
 * ```ts
 * @HandlesEvent(orderPlacedV1)
 * async handle(@Payload() payload: OrderPlacedV1, @Ctx() context: EventContext<OrderPlacedV1>): Promise<void> { ... }
 * ```
 *
 * The event's pattern is its `type@vN`; the contract travels with the handler (`extras`), so the consumer validates
 * payloads against it before the handler runs. A payload type other than the contract's is a compile error, and
 * the handler's errors reach the consumer unchanged (EventErrorPassThrough).
 */
export function HandlesEvent<P extends object>(contract: EventContract<P>) {
  return <M>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<HandlerOf<P, M> & M>): void => {
    const extras: HandlerExtras = { contract, handler: `${target.constructor.name}.${String(key)}` };
    EventPattern(contractKey(contract.type, contract.version), GALLEY_EVENTS, extras)(target, key, descriptor);
    UseFilters(passThrough)(target, key, descriptor);
    // An event handler is no HTTP operation: its payload class stays out of the OpenAPI document.
    ApiExcludeEndpoint()(target, key, descriptor);
    const handled: EventContract[] = Reflect.getMetadata(HANDLED_CONTRACTS, target.constructor) ?? [];
    Reflect.defineMetadata(HANDLED_CONTRACTS, [...handled, contract], target.constructor);
  };
}

/** The contracts a controller class handles with `@HandlesEvent` (empty for any other class). */
export function handledContractsOf(controller: object): readonly EventContract[] {
  return Reflect.getMetadata(HANDLED_CONTRACTS, controller) ?? [];
}
