import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import type { CityReviews, WorkspaceIndicator } from '../api/workspace-api';
import type { Check } from '../utils/grid-model';
import { decimalSeparator } from '../utils/parse-number';

/** An indicator's name in the language shown. */
export const nameIn = (indicator: WorkspaceIndicator, lang: string): string =>
  indicator.translations[lang]?.name ?? indicator.name;
/** An indicator's unit in the language shown. */
export const unitIn = (indicator: WorkspaceIndicator, lang: string): string =>
  indicator.translations[lang]?.unit ?? indicator.unit;

/** Why a checked text is refused, in the officer's words (null: it is not). */
export type CheckMessage = (check: Check, indicator: WorkspaceIndicator) => string | null;

/** The grid's reasons for refusing a typed value: not a number, or outside the allowed range. */
export function useCheckMessage(locale: string): CheckMessage {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return useCallback(
    (check, indicator) => {
      if (check.ok) return null;
      const unit = unitIn(indicator, lang);
      const bound = (n: number | null) =>
        n === null ? '' : formatNumber(n, locale, indicator.decimals);
      const min = bound(indicator.allowedMin);
      const max = bound(indicator.allowedMax);
      switch (check.reason) {
        case 'number':
          return t('workspace.grid.notANumber', {
            example: decimalSeparator(locale) === ',' ? '12,5' : '12.5',
          });
        case 'range':
          return t('workspace.grid.outOfRange', { min, max, unit });
        case 'min':
          return t('workspace.grid.belowMin', { min, unit });
        case 'max':
          return t('workspace.grid.aboveMax', { max, unit });
      }
    },
    [lang, locale, t],
  );
}

/** Which years the officer may write: review states, locked years and why a cell is read-only. */
export interface YearLocks {
  /** Locked years and their review state. */
  lockedYears: ReadonlyMap<number, string>;
  /** A year's review state ('draft' when it has none). */
  stateOf: (year: number) => string;
  /** Why the cells of a year cannot be written (null: they can). */
  cellLocked: (year: number) => string | null;
}

export function useYearLocks(reviews: CityReviews | undefined, canEdit: boolean): YearLocks {
  const { t } = useTranslation();
  const lockedYears = useMemo(() => {
    const map = new Map<number, string>();
    for (const y of reviews?.years ?? []) if (y.locked) map.set(y.year, y.state);
    return map;
  }, [reviews]);
  const stateOf = useCallback(
    (year: number): string => reviews?.years.find((y) => y.year === year)?.state ?? 'draft',
    [reviews],
  );
  const cellLocked = (year: number): string | null => {
    if (!canEdit) return t('workspace.grid.readOnly');
    const state = lockedYears.get(year);
    return state === undefined
      ? null
      : t(`workspace.grid.locked.${state}` as 'workspace.grid.locked.approved', { year });
  };
  return { lockedYears, stateOf, cellLocked };
}
