import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { DistributionBar } from '../../components/ui/distribution-bar';
import { LocalLink } from '../../components/ui/local-link';
import { ErrorState, LoadingState } from '../../components/ui/query-state';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { useCityProgress } from '../../features/progress/api/progress-api';
import { useCityActions } from '../../features/actions/api/actions-api';
import { BriefGapActions } from '../../features/actions/components/plan-sections';
import { BriefDistrictMap } from '../../features/maps/components/brief-district-map';
import { AmbitionPendingNote } from '../../features/progress/components/ambition-pending';
import { CityGoalTiles } from '../../features/progress/components/city-goal-tiles';
import { LargestGaps, StrongestImprovements } from '../../features/progress/components/gap-list';
import { HeadlineFigures } from '../../features/progress/components/headline-figures';
import { useGoals } from '../../features/sdg/api/sdg-api';
import { useCityObservations, useSyntheticIndicators } from '../../features/series/api/series-api';
import { FlagLegend } from '../../components/ui/value-flags';
import { FLAG_ORDER, headlineFlags } from '../../lib/series';
import { dateLocale, formatYear } from '../../lib/format';
import { freshness } from '../../features/progress/utils/describe';
import { useLanguage } from '../../lib/i18n/use-language';
import { useYearParam, withYear } from '../../lib/url-state';

/**
 * The one-page brief: the city overview condensed to an A4 sheet. Print CSS
 * hides the site frame and fits it on one page; the browser prints or saves it
 * as PDF.
 */
export function CityBriefPage(): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const slug = useParams().city ?? '';
  const [year] = useYearParam();
  const progress = useCityProgress(slug, year, lang);
  const goals = useGoals(lang);
  const synthetic = useSyntheticIndicators(progress.data?.networks ?? []);
  const observations = useCityObservations(slug);
  const actions = useCityActions(slug, undefined, lang);
  const flagsOf = useMemo(
    () => headlineFlags(observations.data?.observations ?? []),
    [observations.data],
  );
  const name = progress.data?.city.name;
  useDocumentTitle(name === undefined ? undefined : t('brief.title', { city: name }));

  if (progress.isPending || goals.isPending) return <LoadingState lines={8} />;
  if (progress.isError)
    return <ErrorState error={progress.error} onRetry={() => void progress.refetch()} />;
  if (goals.isError) return <ErrorState error={goals.error} onRetry={() => void goals.refetch()} />;
  const data = progress.data;
  const allSynthetic = data.networks.some((n) => n.dataKind === 'synthetic');
  const mixed = data.networks.filter((n) => n.dataKind === 'mixed');
  const citations = data.networks
    .filter((n) => n.dataKind !== 'mixed')
    .flatMap((n) => (n.citation === null ? [] : [n.citation]));
  // The flags of the values the brief quotes (baseline and latest of each improvement).
  const quoted = new Set(
    data.strongestImprovements.flatMap((slug) => {
      const indicator = data.indicators.find((i) => i.slug === slug);
      if (indicator === undefined) return [];
      return [
        ...(indicator.components.baselineYear === null
          ? []
          : flagsOf(slug, indicator.components.baselineYear)),
        ...(indicator.latest === null ? [] : flagsOf(slug, indicator.latest.year)),
      ];
    }),
  );
  // The brief quotes targets in its largest gaps only: the note explains their marks.
  const gapAmbitions = data.largestGaps.map(
    (slug) => data.indicators.find((i) => i.slug === slug)?.ambition ?? null,
  );
  const fresh = freshness(data.indicators);
  const span =
    fresh.newest === null
      ? '—'
      : fresh.oldest === fresh.newest || fresh.oldest === null
        ? formatYear(fresh.newest)
        : t('progress.yearSpan', {
            first: formatYear(fresh.oldest),
            last: formatYear(fresh.newest),
          });
  return (
    <article className="brief" data-testid="brief">
      <div className="brief__actions no-print">
        <LocalLink to={withYear(`/cities/${data.city.slug}`, year)}>
          {t('brief.back', { city: data.city.name })}
        </LocalLink>
        <button type="button" className="button" onClick={() => window.print()}>
          {t('brief.print')}
        </button>
      </div>
      <header className="brief__header">
        <h1>{t('brief.title', { city: data.city.name })}</h1>
        <p className="muted">
          {/* The years the brief's values come from (as in "Latest data" below); a chosen year
              is said as such: the server's reference year alone ("Data up to 2025") read as
              if there were 2025 data. */}
          {year === undefined
            ? t('brief.latestValues', { span })
            : t('brief.referenceYear', { year: formatYear(year), span })}
          {' · '}
          {t('brief.generated', {
            date: new Intl.DateTimeFormat(dateLocale(lang), { dateStyle: 'long' }).format(
              new Date(),
            ),
          })}
        </p>
      </header>
      <section aria-labelledby="brief-summary">
        <h2 id="brief-summary">{t('progress.summaryHeading')}</h2>
        <HeadlineFigures progress={data} />
        <DistributionBar counts={data.summary.statusCounts} />
      </section>
      <section aria-labelledby="brief-goals">
        <h2 id="brief-goals">{t('progress.goalsHeading')}</h2>
        <CityGoalTiles
          city={data.city.slug}
          goals={goals.data.goals}
          progress={data.goals}
          year={year}
          compact
        />
      </section>
      <div className="brief__columns">
        <section aria-labelledby="brief-gaps">
          <h2 id="brief-gaps">{t('progress.largestGapsHeading')}</h2>
          <LargestGaps progress={data} year={year} compact synthetic={synthetic} />
        </section>
        {/* The right column is the shorter one: the actions fill it, keeping the brief on one page. */}
        <div>
          <section aria-labelledby="brief-improvements">
            <h2 id="brief-improvements">{t('progress.improvementsHeading')}</h2>
            <StrongestImprovements
              progress={data}
              year={year}
              compact
              synthetic={synthetic}
              flagsOf={flagsOf}
            />
          </section>
          {actions.data !== undefined && actions.data.actions.length > 0 && (
            <section aria-labelledby="brief-actions" className="brief__actions-list">
              <h2 id="brief-actions">{t('actions.briefHeading')}</h2>
              <BriefGapActions progress={data} actions={actions.data.actions} />
            </section>
          )}
        </div>
      </div>
      {/* The largest gap with values by district and boundaries, on a small map (nothing otherwise). */}
      <BriefDistrictMap progress={data} />
      <footer className="brief__footer small">
        {allSynthetic && <p>{t('network.syntheticNote')}</p>}
        {mixed.map((n) => (
          <p key={n.slug}>
            {n.citation === null
              ? t('network.mixedNote')
              : t('network.mixedNoteCited', { citation: n.citation })}
          </p>
        ))}
        <FlagLegend flags={FLAG_ORDER.filter((f) => quoted.has(f))} />
        <AmbitionPendingNote ambitions={gapAmbitions} />
        {citations.map((c) => (
          <p key={c}>{t('network.publishedNote', { citation: c })}</p>
        ))}
        <p>{t('brief.method')}</p>
      </footer>
    </article>
  );
}
