import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type {
  ApiToken as ApiTokenSchema,
  ApiTokenCreateBody,
  ApiTokenCreated as ApiTokenCreatedSchema,
  ApiTokenList as ApiTokenListSchema,
  RecoveryCodes as RecoveryCodesSchema,
  SecondFactorSetup as SecondFactorSetupSchema,
  SecondFactorStatus as SecondFactorStatusSchema,
} from '@api/auth.schema';
import { apiFetch } from '../../../lib/api-client';

export type SecondFactorStatus = Static<typeof SecondFactorStatusSchema>;
export type SecondFactorSetup = Static<typeof SecondFactorSetupSchema>;
export type RecoveryCodes = Static<typeof RecoveryCodesSchema>;
export type ApiToken = Static<typeof ApiTokenSchema>;
export type ApiTokenInput = Static<typeof ApiTokenCreateBody>;
export type ApiTokenCreated = Static<typeof ApiTokenCreatedSchema>;
export type ApiTokenList = Static<typeof ApiTokenListSchema>;

export const accountKeys = {
  all: ['account'] as const,
  secondFactor: () => [...accountKeys.all, 'second-factor'] as const,
  tokens: () => [...accountKeys.all, 'tokens'] as const,
};

// ---------- second factor ----------

export const secondFactorQuery = () =>
  queryOptions({
    queryKey: accountKeys.secondFactor(),
    queryFn: ({ signal }) => apiFetch<SecondFactorStatus>('/api/v1/auth/second-factor', { signal }),
  });

export const useSecondFactorStatus = () => useQuery(secondFactorQuery());

/** Starts (or restarts) a set-up: a new secret and its QR code. Nothing counts until confirmed. */
export const useBeginSecondFactor = () =>
  useMutation({
    mutationFn: () =>
      apiFetch<SecondFactorSetup>('/api/v1/auth/second-factor/setup', { method: 'POST' }),
  });

/**
 * Turning the second factor on or off changes which roles count (held-back
 * roles): the session and everything read with it are refetched.
 */
function useRolesChangingMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries(),
  });
}

/** Confirms the set-up with a first code; answers the recovery codes, shown this once. */
export const useConfirmSecondFactor = () =>
  useRolesChangingMutation((code: string) =>
    apiFetch<RecoveryCodes>('/api/v1/auth/second-factor/confirm', {
      method: 'POST',
      body: { code },
    }),
  );

export const useDisableSecondFactor = () =>
  useRolesChangingMutation((input: { password: string; code: string }) =>
    apiFetch<void>('/api/v1/auth/second-factor/disable', { method: 'POST', body: input }),
  );

/** New recovery codes (the old ones stop working). */
export function useRegenerateRecoveryCodes() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (code: string) =>
      apiFetch<RecoveryCodes>('/api/v1/auth/second-factor/recovery-codes', {
        method: 'POST',
        body: { code },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: accountKeys.secondFactor() }),
  });
}

// ---------- API tokens ----------

export const apiTokensQuery = () =>
  queryOptions({
    queryKey: accountKeys.tokens(),
    queryFn: ({ signal }) => apiFetch<ApiTokenList>('/api/v1/auth/tokens', { signal }),
  });

export const useApiTokens = () => useQuery(apiTokensQuery());

/** The answer holds the token itself: shown once from the mutation's result, never cached. */
export function useCreateApiToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ApiTokenInput) =>
      apiFetch<ApiTokenCreated>('/api/v1/auth/tokens', { method: 'POST', body: input }),
    onSettled: () => client.invalidateQueries({ queryKey: accountKeys.tokens() }),
  });
}

export function useRevokeApiToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (token: Pick<ApiToken, 'id' | 'name'>) =>
      apiFetch<void>(`/api/v1/auth/tokens/${token.id}`, { method: 'DELETE' }),
    onSettled: () => client.invalidateQueries({ queryKey: accountKeys.tokens() }),
  });
}

/** Revoked, expired (by its date) or active. */
export function tokenState(token: ApiToken, now: Date): 'active' | 'revoked' | 'expired' {
  if (token.revoked) return 'revoked';
  if (token.expiresAt !== null && new Date(token.expiresAt).getTime() <= now.getTime())
    return 'expired';
  return 'active';
}
