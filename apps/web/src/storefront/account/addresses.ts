import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../api/schema';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/errors';

export type SavedAddress = components['schemas']['AddressResponse'];
export type DeliveryAddress = components['schemas']['DeliveryAddressDto'];
export type NewAddress = { label?: string; line1: string; line2?: string; city: string; postalCode: string; country: string };

export function useAddresses(enabled: boolean) {
  return useQuery({
    queryKey: ['addresses'],
    enabled,
    queryFn: async () => unwrap(await api.GET('/api/users/me/addresses')).items,
  });
}

export function useCreateAddress() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (address: NewAddress) => {
      // The generated request type reads the optional nullable strings as objects (a decorator
      // gap in the users service); they are plain strings on the wire.
      const body = address as unknown as components['schemas']['CreateAddressRequest'];
      return unwrap(await api.POST('/api/users/me/addresses', { body }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['addresses'] }),
  });
}

export function useDeleteAddress() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      const { error } = await api.DELETE('/api/users/me/addresses/{id}', { params: { path: { id } } });
      if (error) throw error;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['addresses'] }),
  });
}

export function toDelivery(a: Pick<SavedAddress, 'line1' | 'line2' | 'city' | 'postalCode' | 'country'>): DeliveryAddress {
  return { line1: a.line1, ...(a.line2 ? { line2: a.line2 } : {}), city: a.city, postalCode: a.postalCode, country: a.country };
}

export function addressText(a: Pick<SavedAddress, 'line1' | 'line2' | 'city' | 'postalCode' | 'country'>): string {
  return [a.line1, a.line2, `${a.postalCode} ${a.city}`, a.country].filter(Boolean).join(', ');
}
