import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { GapChartPoint } from '@api/progress.schema';
import { formatNumber, formatYear } from '../../../lib/format';
import { useLanguage } from '../../../lib/i18n/use-language';
import { gapTableRows } from '../utils/gap-chart';
import { TableScroll } from '../../../components/ui/table-scroll';

/** The action-gap chart's numbers as a table: the same points the chart draws. */
export function GapDataTable({
  points,
  decimals,
  unit,
  caption,
}: {
  points: readonly GapChartPoint[];
  decimals: number;
  unit: string;
  caption: string;
}): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const cell = (v: number | null): string => (v === null ? '' : formatNumber(v, lang, decimals));
  return (
    <TableScroll label={caption}>
      <table className="table table--compact" data-testid="gap-table">
        <caption>
          {caption}
          {unit !== '' && <span className="muted"> ({unit})</span>}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('chart.year')}</th>
            <th scope="col" className="num">
              {t('chart.observed')}
            </th>
            <th scope="col" className="num">
              {t('chart.required')}
            </th>
            <th scope="col" className="num">
              {t('chart.projected')}
            </th>
            <th scope="col" className="num">
              {t('chart.target')}
            </th>
          </tr>
        </thead>
        <tbody>
          {gapTableRows(points).map((p) => (
            <tr key={p.year}>
              <th scope="row">{formatYear(p.year)}</th>
              <td className="num">{cell(p.observed)}</td>
              <td className="num">{cell(p.required)}</td>
              <td className="num">{cell(p.projected)}</td>
              <td className="num">{cell(p.target)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
