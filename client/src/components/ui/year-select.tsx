import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatYear } from '../../lib/format';

/**
 * Chooses the reference year of a view; "latest" uses each indicator's most
 * recent value. Years are listed newest first.
 */
export function YearSelect({
  year,
  years,
  onChange,
}: {
  year: number | undefined;
  years: readonly number[];
  onChange: (year: number | undefined) => void;
}): ReactNode {
  const { t } = useTranslation();
  const id = useId();
  const sorted = [...new Set(years)].sort((a, b) => b - a);
  return (
    <div className="field field--inline">
      <label htmlFor={id}>{t('progress.dataYear')}</label>
      <select
        id={id}
        value={year === undefined ? '' : String(year)}
        onChange={(event) =>
          onChange(event.target.value === '' ? undefined : Number(event.target.value))
        }
      >
        <option value="">{t('progress.latestYear')}</option>
        {sorted.map((y) => (
          <option key={y} value={y}>
            {formatYear(y)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Every year from `first` to `last`, for a year selector. */
export function yearRange(first: number | null | undefined, last: number | null | undefined) {
  if (first === null || first === undefined || last === null || last === undefined) return [];
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
}
