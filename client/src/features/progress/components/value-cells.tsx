import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../../components/ui/status-badge';
import { FlagMarks } from '../../../components/ui/value-flags';
import { formatYear } from '../../../lib/format';
import type { ValueFlag } from '../../../lib/series';
import { AmbitionPendingMark } from './ambition-pending';

/**
 * The latest value of a table row: the value with its statistical flags and
 * its year, marked when it is stale; a dash when there is none.
 */
export function LatestCell({
  latest,
  format,
  flags,
  stale,
}: {
  latest: { value: number; year: number } | null;
  format: (value: number) => string;
  flags: readonly ValueFlag[];
  stale: boolean;
}): ReactNode {
  return (
    <td className="num">
      {latest === null ? (
        '—'
      ) : (
        <>
          {format(latest.value)}
          <FlagMarks flags={flags} /> <span className="muted small">{formatYear(latest.year)}</span>
          {stale && (
            <>
              {' '}
              <StatusBadge status="stale" compact />
            </>
          )}
        </>
      )}
    </td>
  );
}

/** The target of a table row: value and year, marked while not yet approved; "no target" without one. */
export function TargetCell({
  ambition,
  format,
}: {
  ambition: { targetValue: number; targetYear: number; approved: boolean } | null;
  format: (value: number) => string;
}): ReactNode {
  const { t } = useTranslation();
  return (
    <td className="num">
      {ambition === null ? (
        <span className="muted">{t('progress.noTarget')}</span>
      ) : (
        <>
          {format(ambition.targetValue)}{' '}
          <span className="muted small">{formatYear(ambition.targetYear)}</span>
          {!ambition.approved && (
            <>
              {' '}
              <AmbitionPendingMark ambition={ambition} short />
            </>
          )}
        </>
      )}
    </td>
  );
}
