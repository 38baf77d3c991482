import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Observation } from '@api/observation.schema';
import { SourceCell, ValuesTable } from '../../../components/ui/values-table';
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
      <ValuesTable
        caption={caption}
        unit={unit}
        testId="series-values"
        columns={[
          { label: t('chart.year') },
          { label: t('series.value'), num: true },
          { label: t('series.source') },
          ...(hasNotes ? [{ label: t('series.note') }] : []),
        ]}
      >
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
            <SourceCell source={v.source} />
            {hasNotes && <td>{v.note ?? ''}</td>}
          </tr>
        ))}
      </ValuesTable>
      <FlagLegend flags={flagsPresent(rows)} />
    </>
  );
}
