import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorProgress } from '@api/progress.schema';
import { ErrorState, LoadingState } from '../../components/ui/query-state';
import { ActionsPanel } from '../../features/actions/components/actions-panel';
import { useCityProgress } from '../../features/progress/api/progress-api';
import type { WorkspaceIndicator } from '../../features/workspace/api/workspace-api';
import { useLanguage } from '../../lib/i18n/use-language';

/** The workspace's Actions tab: the plan panel with the city's progress for its preview. */
export function WorkspaceActionsTab({
  city,
  canEdit,
  indicators,
}: {
  city: string;
  canEdit: boolean;
  indicators: readonly WorkspaceIndicator[];
}): ReactNode {
  const { i18n } = useTranslation();
  const lang = useLanguage();
  const progress = useCityProgress(city, undefined, lang);
  const bySlug = useMemo(
    () =>
      new Map<string, IndicatorProgress>((progress.data?.indicators ?? []).map((i) => [i.slug, i])),
    [progress.data],
  );
  const options = useMemo(
    () =>
      indicators.map((i) => ({
        slug: i.slug,
        name: i.translations[i18n.language]?.name ?? i.name,
        unit: i.translations[i18n.language]?.unit ?? i.unit,
        decimals: i.decimals,
      })),
    [indicators, i18n.language],
  );
  if (progress.isPending) return <LoadingState lines={5} />;
  if (progress.isError)
    return <ErrorState error={progress.error} onRetry={() => void progress.refetch()} />;
  return <ActionsPanel city={city} canEdit={canEdit} indicators={options} progress={bySlug} />;
}
