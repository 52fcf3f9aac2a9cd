import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { EventContract } from './contract';
import { EventEnvelope, EventEnvelopeSchema } from './envelope';

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; problems: string[] };

function problemsOf(errors: ValidationError[], path = ''): string[] {
  return errors.flatMap((error) => {
    const at = path ? `${path}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => `${at}: ${message}`);
    return [...own, ...problemsOf(error.children ?? [], at)];
  });
}

/** Checks the envelope fields only; the payload is checked against its contract separately. */
export function validateEnvelope(candidate: unknown): ValidationResult<EventEnvelope> {
  if (typeof candidate !== 'object' || candidate === null || Array.isArray(candidate)) {
    return { ok: false, problems: ['envelope: must be a JSON object'] };
  }
  const instance = plainToInstance(EventEnvelopeSchema, candidate);
  const problems = problemsOf(validateSync(instance));
  return problems.length ? { ok: false, problems } : { ok: true, value: candidate as EventEnvelope };
}

/**
 * Checks a payload against its contract. Unknown fields are tolerated (readers ignore them), so
 * a producer can add a field without breaking consumers.
 */
export function validatePayload<P extends object>(contract: EventContract<P>, payload: unknown): ValidationResult<P> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return { ok: false, problems: ['payload: must be a JSON object'] };
  }
  const instance = plainToInstance(contract.payload, payload);
  const problems = problemsOf(validateSync(instance, { forbidUnknownValues: true })).map((p) => `payload.${p}`);
  return problems.length ? { ok: false, problems } : { ok: true, value: payload as P };
}
