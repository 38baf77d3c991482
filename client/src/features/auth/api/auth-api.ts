import {
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type { Static } from 'typebox';
import type {
  Invitation,
  RoleGrant,
  SessionResponse,
  User,
  UserCreateResponse,
} from '@api/auth.schema';
import { apiFetch, setCsrfToken } from '../../../lib/api-client';

export type Session = Static<typeof SessionResponse>;
export type AccountUser = Static<typeof User>;
export type Grant = Static<typeof RoleGrant>;
export type InvitationLink = Static<typeof Invitation>;
export type CreatedUser = Static<typeof UserCreateResponse>;
export type Role = Grant['role'];

export const sessionKey = ['session'] as const;
export const usersKey = ['users'] as const;

export const sessionQuery = () =>
  queryOptions({
    queryKey: sessionKey,
    queryFn: async ({ signal }) => {
      const session = await apiFetch<Session>('/api/v1/auth/session', { signal });
      setCsrfToken(session.csrfToken);
      return session;
    },
    staleTime: 60_000,
  });

export const useSession = () => useQuery(sessionQuery());

/** After signing in or out everything may look different (private networks): refetch all. */
async function adopt(client: QueryClient, session: Session | null): Promise<void> {
  setCsrfToken(session?.csrfToken ?? null);
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
  client.setQueryData(
    sessionKey,
    session ??
      ({
        user: null,
        roles: [],
        csrfToken: null,
        expiresAt: null,
        idleTimeoutSeconds: 0,
        heldBackRoles: [],
        secondFactorChallenge: null,
      } satisfies Session),
  );
}

/**
 * Step 1 of signing in. With a second factor the answer has no user but a
 * `secondFactorChallenge`: nothing changed yet, step 2 sends it with the code.
 */
export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; password: string }) =>
      apiFetch<Session>('/api/v1/auth/sign-in', { method: 'POST', body: input }),
    onSuccess: async (session) => {
      if (session.secondFactorChallenge === null) await adopt(client, session);
    },
  });
}

/** Step 2: the code from the authenticator app (or a recovery code) with the challenge. */
export function useSignInSecondFactor() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { challenge: string; code: string }) =>
      apiFetch<Session>('/api/v1/auth/sign-in/second-factor', { method: 'POST', body: input }),
    onSuccess: (session) => adopt(client, session),
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<void>('/api/v1/auth/sign-out', { method: 'POST' }),
    onSuccess: () => adopt(client, null),
  });
}

export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) =>
      apiFetch<Session>('/api/v1/auth/password', { method: 'POST', body: input }),
    onSuccess: (session) => adopt(client, session),
  });
}

export function useAcceptInvitation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { token: string; password: string }) =>
      apiFetch<Session>('/api/v1/auth/invitations/accept', { method: 'POST', body: input }),
    onSuccess: (session) => adopt(client, session),
  });
}

export const usersQuery = () =>
  queryOptions({
    queryKey: usersKey,
    queryFn: ({ signal }) => apiFetch<{ users: AccountUser[] }>('/api/v1/users', { signal }),
  });

export const useUsers = (enabled: boolean) => useQuery({ ...usersQuery(), enabled });

function useUsersMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => client.invalidateQueries({ queryKey: usersKey }),
  });
}

export const useCreateUser = () =>
  useUsersMutation((input: { email: string; displayName?: string }) =>
    apiFetch<CreatedUser>('/api/v1/users', { method: 'POST', body: input }),
  );

export const useUpdateUser = () =>
  useUsersMutation((input: { id: number; disabled?: boolean; displayName?: string }) =>
    apiFetch<AccountUser>(`/api/v1/users/${input.id}`, {
      method: 'PATCH',
      body: { disabled: input.disabled, displayName: input.displayName },
    }),
  );

export const useReinvite = () =>
  useUsersMutation((id: number) =>
    apiFetch<InvitationLink>(`/api/v1/users/${id}/invitation`, { method: 'POST' }),
  );

export const useGrantRole = () =>
  useUsersMutation((input: { id: number; role: Grant['role']; network?: string; city?: string }) =>
    apiFetch<Grant>(`/api/v1/users/${input.id}/roles`, {
      method: 'POST',
      body: { role: input.role, network: input.network, city: input.city },
    }),
  );

/** An administrator removes a user's second factor (lost phone and recovery codes). */
export const useResetSecondFactor = () =>
  useUsersMutation((id: number) =>
    apiFetch<void>(`/api/v1/users/${id}/second-factor`, { method: 'DELETE' }),
  );

export const useRevokeRole = () =>
  useUsersMutation((input: { id: number; grant: number }) =>
    apiFetch<void>(`/api/v1/users/${input.id}/roles/${input.grant}`, { method: 'DELETE' }),
  );
