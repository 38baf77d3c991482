import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeSeries, HEADLINE_KEY, type SeriesDimensions } from '../../../lib/series';

/** A series' name for people: the headline in words, the others "sex: female · age: 15–24". */
export function useSeriesLabel(): (dimensions: SeriesDimensions) => string {
  const { t } = useTranslation();
  return (dimensions) => {
    const text = describeSeries(dimensions);
    return text === '' ? t('series.headline') : text;
  };
}

/**
 * Chooses one series of an indicator: the headline first (labelled as the
 * one progress uses), then the breakdowns by their dimensions.
 */
export function SeriesSelect({
  series,
  value,
  onChange,
  label,
  disabled = false,
  hint,
}: {
  series: ReadonlyArray<{ key: string; dimensions: SeriesDimensions }>;
  value: string;
  onChange: (key: string) => void;
  label?: string;
  disabled?: boolean;
  hint?: string;
}): ReactNode {
  const { t } = useTranslation();
  const id = useId();
  const name = useSeriesLabel();
  const sorted = [...series].sort((a, b) =>
    a.key === HEADLINE_KEY ? -1 : b.key === HEADLINE_KEY ? 1 : 0,
  );
  return (
    <div className="field field--inline series-select">
      <label htmlFor={id}>{label ?? t('series.label')}</label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        aria-describedby={hint === undefined ? undefined : `${id}-hint`}
        onChange={(event) => onChange(event.target.value)}
      >
        {sorted.map((s) => (
          <option key={s.key} value={s.key}>
            {name(s.dimensions)}
          </option>
        ))}
      </select>
      {hint !== undefined && (
        <span id={`${id}-hint`} className="field__hint">
          {hint}
        </span>
      )}
    </div>
  );
}
