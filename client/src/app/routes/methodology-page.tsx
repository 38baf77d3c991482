import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { StatusBadge } from '../../components/ui/status-badge';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { HeatmapLegend } from '../../features/networks/components/goal-heatmap';
import { formatNumber, formatShare } from '../../lib/format';
import { useLanguage } from '../../lib/i18n/use-language';
import { TableScroll } from '../../components/ui/table-scroll';

/** How every number on the dashboard is computed, in plain words (docs/methodology.md in full). */
export function MethodologyPage(): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  useDocumentTitle(t('method.title'));
  // Links from the explanations of terms (/methodology#reading-gap) land on their section.
  const { hash } = useLocation();
  useEffect(() => {
    if (hash.length < 2) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (target === null) return;
    target.scrollIntoView();
    target.focus({ preventScroll: true });
  }, [hash]);
  const r = (x: number): string => formatNumber(x, lang, 2);
  const p = (x: number): string => formatShare(x, lang, 1);
  return (
    <article className="prose">
      <h1>{t('method.title')}</h1>
      <p className="lead">{t('method.intro')}</p>

      <h2 id="status">{t('method.statusHeading')}</h2>
      <p>{t('method.statusWithTarget')}</p>
      <TableScroll label={t('method.thresholdsCaption')}>
        <table className="table table--compact">
          <caption>{t('method.thresholdsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('progress.status')}</th>
              <th scope="col">{t('method.withTarget')}</th>
              <th scope="col">{t('method.withoutTarget')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">
                <StatusBadge status="target_achieved" />
              </th>
              <td>{t('progress.conditionAchieved')}</td>
              <td>—</td>
            </tr>
            <tr>
              <th scope="row">
                <StatusBadge status="on_track" />
              </th>
              <td>R ≥ {r(0.95)}</td>
              <td>P ≥ {p(0.015)}</td>
            </tr>
            <tr>
              <th scope="row">
                <StatusBadge status="acceleration_needed" />
              </th>
              <td>
                {r(0.6)} ≤ R &lt; {r(0.95)}
              </td>
              <td>
                {p(0.005)} ≤ P &lt; {p(0.015)}
              </td>
            </tr>
            <tr>
              <th scope="row">
                <StatusBadge status="limited_progress" />
              </th>
              <td>0 ≤ R &lt; {r(0.6)}</td>
              <td>0 ≤ P &lt; {p(0.005)}</td>
            </tr>
            <tr>
              <th scope="row">
                <StatusBadge status="deterioration" />
              </th>
              <td>R &lt; 0</td>
              <td>P &lt; 0</td>
            </tr>
            <tr>
              <th scope="row">
                <StatusBadge status="insufficient_data" />
              </th>
              <td colSpan={2}>{t('method.insufficient')}</td>
            </tr>
          </tbody>
        </table>
      </TableScroll>
      <p>{t('method.statusWithoutTarget')}</p>
      <p>{t('method.trendTypes')}</p>
      <p>
        <StatusBadge status="stale" /> {t('method.stale')}
      </p>

      <h2 id="action-gap">{t('method.gapHeading')}</h2>
      <p>{t('method.gap')}</p>
      <p>{t('method.gapExample')}</p>

      <h2 id="scores">{t('method.scoresHeading')}</h2>
      <p>{t('method.scores')}</p>
      <HeatmapLegend />
      <h3 id="goal-colour" tabIndex={-1}>
        {t('colourWhy.methodHeading')}
      </h3>
      <p>{t('colourWhy.method')}</p>
      <p>{t('method.ranking')}</p>

      <h2 id="peers">{t('method.peersHeading')}</h2>
      <p>{t('method.peers')}</p>

      <h2 id="reading">{t('methodReading.heading')}</h2>
      <p id="reading-rates" tabIndex={-1}>
        {t('methodReading.rates')}
      </p>
      <p id="reading-gap" tabIndex={-1}>
        {t('methodReading.gap')}
      </p>
      <p id="reading-score" tabIndex={-1}>
        {t('methodReading.score')}
      </p>

      <h2>{t('method.sourcesHeading')}</h2>
      <p>{t('method.sources')}</p>
    </article>
  );
}
