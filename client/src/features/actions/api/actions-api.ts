import { queryOptions, useQuery } from '@tanstack/react-query';
import type {
  Action,
  ActionInput,
  ActionListResponse,
  ActionPatch,
  ActionStatus,
  ActionStep,
  GoodPractice,
  GoodPracticeListResponse,
} from '@api/action.schema';
import { apiFetch, withQuery } from '../../../lib/api-client';

export type { Action, ActionInput, ActionPatch, ActionStatus, ActionStep, GoodPractice };
export type ActionEffect = Action['effects'][number];
export type Trajectory = GoodPractice['trajectories'][number];

const enc = encodeURIComponent;

/** Query keys of local action plans; every input of a fetch is in its key. */
export const actionKeys = {
  all: ['actions'] as const,
  city: (city: string, indicator: string | undefined, lang: string) =>
    [...actionKeys.all, 'city', city, indicator ?? '(all)', lang] as const,
  queue: (network: string, lang: string) => [...actionKeys.all, 'queue', network, lang] as const,
  goodPractices: (
    network: string,
    target: string | undefined,
    indicator: string | undefined,
    lang: string,
  ) => [...actionKeys.all, 'good-practices', network, target ?? '', indicator ?? '', lang] as const,
};

export const cityActionsQuery = (city: string, indicator: string | undefined, lang: string) =>
  queryOptions({
    queryKey: actionKeys.city(city, indicator, lang),
    queryFn: ({ signal }) =>
      apiFetch<ActionListResponse>(
        withQuery(`/api/v1/cities/${enc(city)}/actions`, { indicator, lang }),
        { signal },
      ),
  });

/** A city's plan (members: working copies with drafts marked), optionally one indicator's actions. */
export const useCityActions = (
  city: string,
  indicator: string | undefined,
  lang: string,
  enabled = true,
) => useQuery({ ...cityActionsQuery(city, indicator, lang), enabled: enabled && city !== '' });

/** The coordinators' queue: submitted actions of the network's cities. */
export const useActionQueue = (network: string, lang: string, enabled = true) =>
  useQuery(
    queryOptions({
      queryKey: actionKeys.queue(network, lang),
      queryFn: ({ signal }) =>
        apiFetch<ActionListResponse>(
          withQuery(`/api/v1/networks/${enc(network)}/actions`, { state: 'submitted', lang }),
          { signal },
        ),
      enabled: enabled && network !== '',
    }),
  );

export const useGoodPractices = (
  network: string,
  filter: { target?: string; indicator?: string },
  lang: string,
) =>
  useQuery(
    queryOptions({
      queryKey: actionKeys.goodPractices(network, filter.target, filter.indicator, lang),
      queryFn: ({ signal }) =>
        apiFetch<GoodPracticeListResponse>(
          withQuery(`/api/v1/networks/${enc(network)}/good-practices`, {
            target: filter.target,
            indicator: filter.indicator,
            lang,
          }),
          { signal },
        ),
      placeholderData: (previous) => previous,
    }),
  );

/** Adds an action to the city's plan (a draft). */
export function createAction(city: string, input: ActionInput): Promise<Action> {
  return apiFetch<Action>(`/api/v1/cities/${enc(city)}/actions`, { method: 'POST', body: input });
}

/** Changes an action; 412 (ApiError.details.current) when someone changed it since `etag`. */
export function updateAction(id: number, patch: ActionPatch, etag: string): Promise<Action> {
  return apiFetch<Action>(`/api/v1/actions/${id}`, {
    method: 'PATCH',
    body: patch,
    headers: { 'if-match': etag },
  });
}

/** Deletes a never-published action. */
export function deleteAction(id: number, etag: string): Promise<void> {
  return apiFetch<void>(`/api/v1/actions/${id}`, {
    method: 'DELETE',
    headers: { 'if-match': etag },
  });
}

/** submit / withdraw (editors), approve / return (coordinators; return needs a comment). */
export function actionStep(
  id: number,
  step: ActionStep,
  etag: string,
  comment?: string,
): Promise<Action> {
  return apiFetch<Action>(`/api/v1/actions/${id}/${step}`, {
    method: 'POST',
    body: comment === undefined || comment === '' ? {} : { comment },
    headers: { 'if-match': etag },
  });
}

export function markGoodPractice(network: string, id: number, note: string | null): Promise<void> {
  return apiFetch<void>(`/api/v1/networks/${enc(network)}/good-practices/${id}`, {
    method: 'PUT',
    body: { note },
  });
}

export function unmarkGoodPractice(network: string, id: number): Promise<void> {
  return apiFetch<void>(`/api/v1/networks/${enc(network)}/good-practices/${id}`, {
    method: 'DELETE',
  });
}

/** The action stored meanwhile, from a 412's details (null when absent or malformed). */
export function currentFromConflict(details: unknown): Action | null {
  if (typeof details !== 'object' || details === null || !('current' in details)) return null;
  const current = (details as { current: unknown }).current;
  return typeof current === 'object' && current !== null && 'etag' in current
    ? (current as Action)
    : null;
}
