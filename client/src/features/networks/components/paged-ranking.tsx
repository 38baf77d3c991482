import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { SdgGoal } from '@api/sdg.schema';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { TableScroll } from '../../../components/ui/table-scroll';
import { formatInteger, formatScore } from '../../../lib/format';
import { useLanguage } from '../../../lib/i18n/use-language';
import { useNetworkRanking } from '../api/networks-api';
import { DraftsNotice } from './drafts-switch';
import {
  ColourRuleNote,
  GoalAverageCells,
  GoalCell,
  GoalHeader,
  HeatmapLegend,
} from './goal-heatmap';
import { RankingCells, RankingHeadCells } from './ranking-table';

/** More member cities than this, and the network page shows its ranking in pages. */
export const LARGE_NETWORK = 150;
export const RANKING_PAGE_SIZE = 50;

type Order = { sort: 'rank' | 'name' | 'index'; goal: undefined } | { sort: 'rank'; goal: number };

/** `?sort=` as an order: rank (default), name, index, or `goal-N`. */
export function parseOrder(raw: string | null): Order {
  if (raw === 'name' || raw === 'index') return { sort: raw, goal: undefined };
  const goal = /^goal-(\d{1,2})$/.exec(raw ?? '');
  const n = goal === null ? NaN : Number(goal[1]);
  if (n >= 1 && n <= 17) return { sort: 'rank', goal: n };
  return { sort: 'rank', goal: undefined };
}

/** `?page=` (1-based) as a number. */
const parsePage = (raw: string | null): number =>
  raw !== null && /^\d{1,5}$/.test(raw) && Number(raw) >= 1 ? Number(raw) : 1;

/**
 * A large network's ranking and goal scores in one table, a page at a time,
 * searched and sorted on the server: the page of a national network of
 * thousands of places opens as fast as a small one's. Search, order and page
 * are in the URL, so a link shows the same page.
 */
export function PagedRanking({
  network,
  networkName,
  cityCount,
  year,
  drafts,
  goals,
}: {
  network: string;
  networkName: string;
  cityCount: number;
  year: number | undefined;
  drafts: boolean;
  goals: readonly SdgGoal[];
}): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const order = parseOrder(params.get('sort'));
  const page = parsePage(params.get('page'));
  /** Changes some of the view's parameters at once (one navigation, nothing lost). */
  const update = (changes: Record<string, string | undefined>) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [name, value] of Object.entries(changes)) {
          if (value === undefined || value === '') next.delete(name);
          else next.set(name, value);
        }
        return next;
      },
      { replace: true },
    );

  // The search box sends what is typed once the typist pauses; the page goes back to the first.
  const [typed, setTyped] = useState(q);
  const [seenQ, setSeenQ] = useState(q);
  if (seenQ !== q) {
    // The URL changed (this box's own search landing, or back, or a link): the box follows
    // it unless it already says the same.
    setSeenQ(q);
    if (typed.trim() !== q) setTyped(q);
  }
  useEffect(() => {
    const wanted = typed.trim();
    if (wanted === q) return;
    const timer = setTimeout(() => update({ q: wanted, page: undefined }), 300);
    return () => clearTimeout(timer);
    // `update` is made anew on every render; the pause is what matters here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [typed, q]);

  const ranking = useNetworkRanking(
    network,
    {
      year,
      lang,
      drafts,
      q,
      sort: order.sort,
      goal: order.goal,
      offset: (page - 1) * RANKING_PAGE_SIZE,
      limit: RANKING_PAGE_SIZE,
    },
    true,
  );
  const goalInfo = new Map(goals.map((g) => [g.goal, g]));
  const caption = t('largeNetwork.caption', { network: networkName });
  const data = ranking.data;
  const from = data === undefined ? 0 : Math.min(data.offset + 1, data.total);
  const to = data === undefined ? 0 : Math.min(data.offset + data.cities.length, data.total);
  const lastPage = data === undefined ? 1 : Math.max(1, Math.ceil(data.total / RANKING_PAGE_SIZE));
  const goalList = data?.goals ?? goals.map((g) => g.goal);

  return (
    <section aria-labelledby={`${id}-heading`} data-testid="paged-ranking">
      <h2 id={`${id}-heading`}>{t('largeNetwork.heading')}</h2>
      <p className="muted small">
        {t('largeNetwork.intro', { size: RANKING_PAGE_SIZE })} {t('scores.rankingIntro')}
      </p>
      <form
        className="toolbar ranking-controls"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          update({ q: typed.trim(), page: undefined });
        }}
      >
        <label>
          {t('largeNetwork.search')}
          <input
            type="search"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            aria-describedby={`${id}-hint`}
            maxLength={100}
            autoComplete="off"
            data-testid="ranking-search"
          />
          <span id={`${id}-hint`} className="muted small">
            {t('largeNetwork.searchHint')}
          </span>
        </label>
        <label>
          {t('largeNetwork.sort')}
          <select
            value={order.goal === undefined ? order.sort : `goal-${order.goal}`}
            onChange={(event) =>
              update({
                sort: event.target.value === 'rank' ? undefined : event.target.value,
                page: undefined,
              })
            }
          >
            <option value="rank">{t('largeNetwork.sortRank')}</option>
            <option value="name">{t('largeNetwork.sortName')}</option>
            <option value="index">{t('largeNetwork.sortIndex')}</option>
            {goalList.map((goal) => (
              <option key={goal} value={`goal-${goal}`}>
                {t('largeNetwork.sortGoal', { goal })}
              </option>
            ))}
          </select>
        </label>
      </form>

      {ranking.isPending ? (
        <LoadingState lines={8} label={t('scores.loading')} />
      ) : ranking.isError ? (
        <ErrorState error={ranking.error} onRetry={() => void ranking.refetch()} />
      ) : (
        <>
          {data!.includesDrafts && (
            <DraftsNotice count={data!.cities.filter((c) => c.hasDrafts).length} />
          )}
          <p role="status" className="ranking-status" data-testid="ranking-status">
            {data!.total === 0
              ? t('largeNetwork.nothingFound', { q })
              : q === ''
                ? t('largeNetwork.showing', {
                    from: formatInteger(from, lang),
                    to: formatInteger(to, lang),
                    total: formatInteger(data!.total, lang),
                  })
                : t('largeNetwork.showingFound', {
                    from: formatInteger(from, lang),
                    to: formatInteger(to, lang),
                    total: formatInteger(data!.total, lang),
                    all: formatInteger(cityCount, lang),
                  })}
          </p>
          {data!.total > 0 && (
            <>
              <HeatmapLegend />
              <ColourRuleNote named={false} />
              <TableScroll label={caption}>
                <table
                  className="table heatmap"
                  data-testid="ranking"
                  aria-busy={ranking.isPlaceholderData}
                >
                  <caption className="visually-hidden">{caption}</caption>
                  <thead>
                    <tr>
                      <RankingHeadCells />
                      {goalList.map((goal) => (
                        <GoalHeader key={goal} goal={goal} info={goalInfo.get(goal)} />
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {data!.cities.map((city) => {
                      const byGoal = new Map(city.goals.map((g) => [g.goal, g]));
                      return (
                        <tr key={city.slug}>
                          <RankingCells
                            city={city}
                            year={year}
                            includesDrafts={data!.includesDrafts}
                          />
                          {goalList.map((goal) => (
                            <GoalCell key={goal} cell={byGoal.get(goal)} />
                          ))}
                        </tr>
                      );
                    })}
                  </tbody>
                  <tfoot>
                    <tr>
                      <td />
                      <th scope="row">{t('scores.networkAverage')}</th>
                      <td className="num">
                        {data!.averages.index === null
                          ? '—'
                          : formatScore(data!.averages.index, lang)}
                      </td>
                      <td />
                      <GoalAverageCells goals={goalList} averages={data!.averages.goals} />
                    </tr>
                  </tfoot>
                </table>
              </TableScroll>
              <nav aria-label={t('largeNetwork.pages')} className="pager">
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={page <= 1}
                  onClick={() => update({ page: page <= 2 ? undefined : String(page - 1) })}
                >
                  {t('largeNetwork.previous')}
                </button>
                <span className="muted small">
                  {formatInteger(page, lang)} / {formatInteger(lastPage, lang)}
                </span>
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={page >= lastPage}
                  onClick={() => update({ page: String(page + 1) })}
                >
                  {t('largeNetwork.next')}
                </button>
              </nav>
            </>
          )}
        </>
      )}
    </section>
  );
}
