import type { ChangeEvent } from 'react';
import { Field } from '../../shared/ui';
import type { NewAddress } from './addresses';

export type AddressDraft = Required<Pick<NewAddress, 'line1' | 'city' | 'postalCode' | 'country'>> & { line2: string };
export const EMPTY_ADDRESS: AddressDraft = { line1: '', line2: '', city: '', postalCode: '', country: '' };

/** Checks what the server would reject, in words, before sending. */
export function addressProblems(a: AddressDraft): Partial<Record<keyof AddressDraft, string>> {
  const out: Partial<Record<keyof AddressDraft, string>> = {};
  if (!a.line1.trim()) out.line1 = 'Enter the street and number';
  if (!a.city.trim()) out.city = 'Enter the city';
  if (!a.postalCode.trim()) out.postalCode = 'Enter the postal code';
  if (!/^[A-Za-z]{2}$/.test(a.country.trim())) out.country = 'Enter the two-letter country code, such as US or GB';
  return out;
}

export function draftToAddress(a: AddressDraft): NewAddress {
  return {
    line1: a.line1.trim(),
    ...(a.line2.trim() ? { line2: a.line2.trim() } : {}),
    city: a.city.trim(),
    postalCode: a.postalCode.trim(),
    country: a.country.trim().toUpperCase(),
  };
}

export function AddressFields({
  value,
  onChange,
  errors,
}: {
  value: AddressDraft;
  onChange(next: AddressDraft): void;
  errors: Partial<Record<keyof AddressDraft, string>>;
}) {
  const set = (key: keyof AddressDraft) => (e: ChangeEvent<HTMLInputElement>) => onChange({ ...value, [key]: e.target.value });
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field className="sm:col-span-2" label="Street address" autoComplete="address-line1" value={value.line1} onChange={set('line1')} error={errors.line1} />
      <Field className="sm:col-span-2" label="Flat, floor (optional)" autoComplete="address-line2" value={value.line2} onChange={set('line2')} />
      <Field label="City" autoComplete="address-level2" value={value.city} onChange={set('city')} error={errors.city} />
      <Field label="Postal code" autoComplete="postal-code" value={value.postalCode} onChange={set('postalCode')} error={errors.postalCode} />
      <Field label="Country code" autoComplete="country" maxLength={2} placeholder="US" value={value.country} onChange={set('country')} error={errors.country} />
    </div>
  );
}
