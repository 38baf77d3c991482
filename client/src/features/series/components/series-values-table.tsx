import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Observation } from '@api/observation.schema';
import { TableScroll } from '../../../components/ui/table-scroll';
import { FlagLegend, FlagMarks } from '../../../components/ui/value-flags';
import { formatStored, formatYear } from '../../../lib/format';
import { useLanguage } from '../../../lib/i18n/use-language';
import { flagsPresent } from '../../../lib/series';

/**
 * One series' values, newest first, each with its flags, source and note:
 * where a figure comes from is part of the figure.
 */
export function SeriesValuesTable({
  values,
  decimals,
  unit,
  caption,
}: {
  values: readonly Observation[];
  decimals: number;
  unit: string;
  caption: string;
}): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const rows = [...values].sort((a, b) => b.year - a.year);
  const hasNotes = rows.some((v) => v.note !== null && v.note !== '');
  return (
    <>
      <TableScroll label={caption}>
        <table className="table table--compact" data-testid="series-values">
          <caption>
            {caption}
            {unit !== '' && <span className="muted"> ({unit})</span>}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('chart.year')}</th>
              <th scope="col" className="num">
                {t('series.value')}
              </th>
              <th scope="col">{t('series.source')}</th>
              {hasNotes && <th scope="col">{t('series.note')}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((v) => (
              <tr key={v.year}>
                <th scope="row">{formatYear(v.year)}</th>
                <td className="num">
                  {formatStored(v.value, lang, decimals)}
                  <FlagMarks flags={v.flags} />
                  {v.status === 'provisional' && !v.flags.includes('provisional') && (
                    <span className="muted small"> ({t('series.provisionalStatus')})</span>
                  )}
                </td>
                <td className="source-cell">{v.source ?? <span className="muted">—</span>}</td>
                {hasNotes && <td>{v.note ?? ''}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <FlagLegend flags={flagsPresent(rows)} />
    </>
  );
}
