import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatYear } from '../../lib/format';

/**
 * Until when a year select that was changed while it had the focus should take
 * the focus back once it is drawn again: a page that shows a skeleton while the
 * new year loads draws a new select, and the keyboard user would otherwise be
 * dropped at the top of the page (issue 17, item 18f).
 */
let refocusUntil = 0;
const REFOCUS_WINDOW_MS = 10_000;

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
  const ref = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    // Drawn again after a change made with the focus on it (or still there): focus stays here.
    if (Date.now() < refocusUntil) {
      refocusUntil = 0;
      if (document.activeElement !== ref.current) ref.current?.focus();
    }
  }, [year]);
  return (
    <div className="field field--inline">
      <label htmlFor={id}>{t('progress.dataYear')}</label>
      <select
        id={id}
        ref={ref}
        value={year === undefined ? '' : String(year)}
        onChange={(event) => {
          if (document.activeElement === event.target)
            refocusUntil = Date.now() + REFOCUS_WINDOW_MS;
          onChange(event.target.value === '' ? undefined : Number(event.target.value));
        }}
        data-testid="year-select"
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
