import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryEvent } from '@api/observation.schema';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/query-state';
import { dateLocale, formatStored, formatYear } from '../../../lib/format';
import { useLanguage } from '../../../lib/i18n/use-language';
import { useSearchParam } from '../../../lib/url-state';
import { useValueHistory } from '../api/progress-api';
import { useSession } from '../../auth/api/auth-api';
import { LocalLink } from '../../../components/ui/local-link';
import { TableScroll } from '../../../components/ui/table-scroll';
import type { SeriesDimensions } from '../../../lib/series';

function valueOf(snapshot: unknown): number | null {
  if (typeof snapshot !== 'object' || snapshot === null) return null;
  const value = (snapshot as { value?: unknown }).value;
  return typeof value === 'number' ? value : null;
}

function actionKey(event: HistoryEvent): string {
  const known = ['observation.created', 'observation.updated', 'observation.deleted'];
  return known.includes(event.action)
    ? `history.${event.action.replace('.', '_')}`
    : 'history.other';
}

/**
 * Who changed a value, when, from what to what: one year of the series at a
 * time (the year is in the URL as `?historyYear=`).
 */
export function ValueHistory({
  city,
  indicator,
  years,
  decimals,
  series = {},
}: {
  city: string;
  indicator: string;
  years: readonly number[];
  decimals: number;
  /** Which series' values (the headline when {}). */
  series?: SeriesDimensions;
}): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const id = useId();
  const [raw, setRaw] = useSearchParam('historyYear');
  const latest = years.length === 0 ? null : Math.max(...years);
  const chosen = raw !== null && years.includes(Number(raw)) ? Number(raw) : latest;
  const session = useSession();
  const signedIn = (session.data?.user ?? null) !== null;
  const history = useValueHistory(city, indicator, chosen, signedIn, series);
  if (chosen === null) return <EmptyState>{t('progress.noData')}</EmptyState>;
  if (!session.isPending && !signedIn)
    return (
      <p className="muted" data-testid="value-history">
        {t('history.membersOnly')}{' '}
        <LocalLink to={`/sign-in?next=${encodeURIComponent(window.location.pathname)}`}>
          {t('auth.signIn')}
        </LocalLink>
      </p>
    );
  const when = new Intl.DateTimeFormat(dateLocale(lang), {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  const number = (v: number | null): string => (v === null ? '—' : formatStored(v, lang, decimals));
  return (
    <div data-testid="value-history">
      <div className="field field--inline">
        <label htmlFor={id}>{t('history.year')}</label>
        <select id={id} value={chosen} onChange={(e) => setRaw(e.target.value)}>
          {[...years]
            .sort((a, b) => b - a)
            .map((y) => (
              <option key={y} value={y}>
                {formatYear(y)}
              </option>
            ))}
        </select>
      </div>
      {history.isPending ? (
        <LoadingState lines={2} />
      ) : history.isError ? (
        <ErrorState error={history.error} onRetry={() => void history.refetch()} />
      ) : history.data.events.length === 0 ? (
        <EmptyState>{t('history.none', { year: formatYear(chosen) })}</EmptyState>
      ) : (
        <TableScroll label={t('history.caption', { year: formatYear(chosen) })}>
          <table className="table table--compact">
            <caption className="visually-hidden">
              {t('history.caption', { year: formatYear(chosen) })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('history.when')}</th>
                <th scope="col">{t('history.who')}</th>
                <th scope="col">{t('history.what')}</th>
                <th scope="col" className="num">
                  {t('history.before')}
                </th>
                <th scope="col" className="num">
                  {t('history.after')}
                </th>
                <th scope="col">{t('history.comment')}</th>
              </tr>
            </thead>
            <tbody>
              {history.data.events.map((event) => (
                <tr key={event.id}>
                  <td>
                    <time dateTime={event.at}>{when.format(new Date(event.at))}</time>
                  </td>
                  <td>{event.actor}</td>
                  <td>
                    {t(actionKey(event))}
                    {event.importId !== null && (
                      <span className="muted small">
                        {' '}
                        · {t('history.byImport', { id: event.importId })}
                      </span>
                    )}
                  </td>
                  <td className="num">{number(valueOf(event.before))}</td>
                  <td className="num">{number(valueOf(event.after))}</td>
                  <td>{event.comment ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
