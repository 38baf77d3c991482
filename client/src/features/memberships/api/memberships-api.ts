import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InvitationList, MembershipResponse } from '@api/catalogue.schema';
import { apiFetch } from '../../../lib/api-client';
import { cityKeys } from '../../cities/api/cities-api';
import { networkKeys } from '../../networks/api/networks-api';
import { progressKeys } from '../../progress/api/progress-api';

export type Invitation = InvitationList['invitations'][number];
export type Membership = MembershipResponse;
export type MemberRole = MembershipResponse['role'];

const enc = encodeURIComponent;

export const membershipKeys = {
  all: ['memberships'] as const,
  ofNetwork: (network: string) => [...membershipKeys.all, 'network', network] as const,
  ofCity: (city: string) => [...membershipKeys.all, 'city', city] as const,
};

/** A network's invitations that wait for an answer (its coordinators). */
export const networkInvitationsQuery = (network: string) =>
  queryOptions({
    queryKey: membershipKeys.ofNetwork(network),
    queryFn: ({ signal }) =>
      apiFetch<InvitationList>(`/api/v1/networks/${enc(network)}/invitations`, { signal }),
  });

/** A city's invitations from networks (its editors; 403 for anyone else). */
export const cityInvitationsQuery = (city: string) =>
  queryOptions({
    queryKey: membershipKeys.ofCity(city),
    queryFn: ({ signal }) =>
      apiFetch<InvitationList>(`/api/v1/cities/${enc(city)}/invitations`, { signal }),
  });

export const useNetworkInvitations = (network: string, enabled: boolean) =>
  useQuery({ ...networkInvitationsQuery(network), enabled });

export const useCityInvitations = (city: string, enabled: boolean) =>
  useQuery({ ...cityInvitationsQuery(city), enabled });

/** Membership changes show in networks, cities and their figures: refetch them all. */
function useMembershipMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: membershipKeys.all }),
        client.invalidateQueries({ queryKey: networkKeys.all }),
        client.invalidateQueries({ queryKey: cityKeys.all }),
        client.invalidateQueries({ queryKey: progressKeys.all }),
      ]);
    },
  });
}

/**
 * A coordinator invites a city (202, status "invited"); an administrator or
 * a coordinator who also edits the city adds it at once (status "member").
 */
export const useInviteCity = (network: string) =>
  useMembershipMutation((input: { city: string; role: MemberRole }) =>
    apiFetch<Membership>(`/api/v1/networks/${enc(network)}/members/${enc(input.city)}`, {
      method: 'PUT',
      body: { role: input.role },
    }),
  );

/** Withdraws a pending invitation. */
export const useWithdrawInvitation = (network: string) =>
  useMembershipMutation((city: string) =>
    apiFetch<void>(`/api/v1/networks/${enc(network)}/members/${enc(city)}`, {
      method: 'DELETE',
    }),
  );

/** A city's editor accepts (the city joins) or declines a network's invitation. */
export const useAnswerInvitation = (city: string) =>
  useMembershipMutation((input: { network: Invitation['network']; answer: 'accept' | 'decline' }) =>
    apiFetch<Membership>(
      `/api/v1/cities/${enc(city)}/invitations/${enc(input.network.slug)}/${input.answer}`,
      { method: 'POST' },
    ),
  );
