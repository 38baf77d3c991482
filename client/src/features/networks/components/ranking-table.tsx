import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkScoresResponse } from '@api/progress.schema';
import { LocalLink } from '../../../components/ui/local-link';
import { Sparkline } from '../../../components/ui/sparkline';
import { formatInteger, formatScore, formatShare, formatYear } from '../../../lib/format';
import { useLanguage } from '../../../lib/i18n/use-language';
import { withYear } from '../../../lib/url-state';
import { rankedCities } from '../utils/network-shaping';
import { TableScroll } from '../../../components/ui/table-scroll';
import { DraftMarker } from './drafts-switch';

/** Partner cities by overall index: rank, index, coverage and the index over the years. */
export function RankingTable({
  scores,
  year,
}: {
  scores: NetworkScoresResponse;
  year: number | undefined;
}): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const cities = rankedCities(scores.cities);
  const caption = t('scores.rankingCaption', { network: scores.network.name });
  return (
    <TableScroll label={caption}>
      <table className="table" data-testid="ranking">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <RankingHeadCells />
            <th scope="col">{t('scores.indexOverTime')}</th>
          </tr>
        </thead>
        <tbody>
          {cities.map((city) => {
            const first = city.history[0];
            const last = city.history[city.history.length - 1];
            return (
              <tr key={city.slug}>
                <RankingCells city={city} year={year} includesDrafts={scores.includesDrafts} />
                <td>
                  <Sparkline
                    points={city.history.map((h) => ({ x: h.year, y: h.index }))}
                    label={
                      first === undefined || last === undefined
                        ? t('progress.noData')
                        : t('scores.sparklineLabel', {
                            from: formatScore(first.index, lang),
                            fromYear: formatYear(first.year),
                            to: formatScore(last.index, lang),
                            toYear: formatYear(last.year),
                          })
                    }
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
        {scores.averages.index !== null && (
          <tfoot>
            <tr>
              <td />
              <th scope="row">{t('scores.networkAverage')}</th>
              <td className="num">{formatScore(scores.averages.index, lang)}</td>
              <td />
              <td />
            </tr>
          </tfoot>
        )}
      </table>
    </TableScroll>
  );
}

/** A city's rank, or a dash that says why it has none. */
export function RankCell({ rank }: { rank: number | null }): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <td className="num">
      {rank === null ? (
        <span title={t('scores.notRanked')}>
          —<span className="visually-hidden">{t('scores.notRanked')}</span>
        </span>
      ) : (
        formatInteger(rank, lang)
      )}
    </td>
  );
}

/** The head of the columns every ranking starts with: rank, city, index and coverage. */
export function RankingHeadCells(): ReactNode {
  const { t } = useTranslation();
  return (
    <>
      <th scope="col" className="num">
        {t('scores.rank')}
      </th>
      <th scope="col">{t('network.city')}</th>
      <th scope="col" className="num">
        {t('scores.index')}
      </th>
      <th scope="col" className="num">
        {t('scores.coverage')}
      </th>
    </>
  );
}

/** A city's first cells in a ranking: rank, name (linking to the city) with its country, index and coverage. */
export function RankingCells({
  city,
  year,
  includesDrafts,
}: {
  city: {
    slug: string;
    name: string;
    countryCode: string;
    hasDrafts: boolean;
    rank: number | null;
    index: number | null;
    coverage: number;
  };
  year: number | undefined;
  /** Whether the figures include drafts: a city with some is marked. */
  includesDrafts: boolean;
}): ReactNode {
  const lang = useLanguage();
  return (
    <>
      <RankCell rank={city.rank} />
      <th scope="row">
        <LocalLink to={withYear(`/cities/${city.slug}`, year)}>{city.name}</LocalLink>{' '}
        <span className="muted small">{city.countryCode}</span>
        {includesDrafts && city.hasDrafts && <DraftMarker name={city.name} />}
      </th>
      <td className="num">{city.index === null ? '—' : formatScore(city.index, lang)}</td>
      <td className="num">{formatShare(city.coverage, lang)}</td>
    </>
  );
}
