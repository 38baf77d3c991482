import { queryOptions, useQuery } from '@tanstack/react-query';
import type {
  GoalDetailResponse,
  GoalListResponse,
  IndicatorDetailResponse,
} from '@api/sdg.schema';
import { apiFetch, withQuery } from '../../../lib/api-client';

/** Query keys for the SDG framework; every input of a fetch is part of its key. */
export const sdgKeys = {
  all: ['sdg'] as const,
  goals: (lang: string) => [...sdgKeys.all, 'goals', lang] as const,
  goal: (goal: number, lang: string) => [...sdgKeys.all, 'goal', goal, lang] as const,
  indicator: (code: string, lang: string) => [...sdgKeys.all, 'indicator', code, lang] as const,
};

const HOUR = 60 * 60 * 1000;

export const goalsQuery = (lang: string) =>
  queryOptions({
    queryKey: sdgKeys.goals(lang),
    queryFn: ({ signal }) =>
      apiFetch<GoalListResponse>(withQuery('/api/v1/sdg/goals', { lang }), { signal }),
    staleTime: HOUR,
  });

export const goalQuery = (goal: number, lang: string) =>
  queryOptions({
    queryKey: sdgKeys.goal(goal, lang),
    queryFn: ({ signal }) =>
      apiFetch<GoalDetailResponse>(withQuery(`/api/v1/sdg/goals/${goal}`, { lang }), { signal }),
  });

export const sdgIndicatorQuery = (code: string, lang: string) =>
  queryOptions({
    queryKey: sdgKeys.indicator(code, lang),
    queryFn: ({ signal }) =>
      apiFetch<IndicatorDetailResponse>(
        withQuery(`/api/v1/sdg/indicators/${encodeURIComponent(code)}`, { lang }),
        { signal },
      ),
  });

export const useGoals = (lang: string) => useQuery(goalsQuery(lang));
export const useGoal = (goal: number, lang: string) => useQuery(goalQuery(goal, lang));
export const useSdgIndicator = (code: string, lang: string) =>
  useQuery(sdgIndicatorQuery(code, lang));
