import { useId, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComparisonResponse, NetworkScoresResponse } from '@api/progress.schema';
import { LocalLink } from '../../../components/ui/local-link';
import { TableScroll } from '../../../components/ui/table-scroll';
import { useLanguage } from '../../../lib/i18n/use-language';
import { withYear } from '../../../lib/url-state';
import {
  measureParam,
  networkMapModel,
  type MapMeasure,
  type MapMember,
} from '../utils/network-map-data';
import { MapSlot, MarkerLegend } from './map-frame';
import { LazyNetworkMap } from './lazy-maps';
import { MarkerIcon } from './marker-symbol';

/**
 * The network map with its text summary, its table (first, for the keyboard)
 * and the cities it cannot place. On the network page the measure is chosen
 * (index, a goal, an indicator's status or value); on the compare page it is
 * the compared indicator's status or value.
 */
export function NetworkMapPanel({
  members,
  measure,
  onMeasureChange,
  scores,
  comparison,
  year,
}: {
  members: readonly MapMember[];
  measure: MapMeasure;
  onMeasureChange: (measure: MapMeasure) => void;
  scores?: NetworkScoresResponse;
  comparison?: ComparisonResponse;
  year?: number;
}): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const id = useId();
  const model = useMemo(
    () =>
      networkMapModel(
        members,
        measure,
        { scores, comparison },
        {
          t: (key, options) => t(key, options),
          lang,
        },
      ),
    [members, measure, scores, comparison, t, lang],
  );
  const options: Array<{ value: string; label: string; measure: MapMeasure }> = [];
  if (scores !== undefined) {
    options.push({ value: 'index', label: t('maps.measureIndex'), measure: { kind: 'index' } });
    for (const goal of scores.goals)
      options.push({
        value: `goal-${goal}`,
        label: t('maps.measureGoal', { goal }),
        measure: { kind: 'goal', goal },
      });
  }
  const indicators = comparison !== undefined ? [comparison.indicator] : (scores?.indicators ?? []);
  for (const indicator of indicators) {
    options.push({
      value: `status:${indicator.slug}`,
      label: t('maps.measureStatus', { indicator: indicator.name }),
      measure: { kind: 'status', indicator: indicator.slug },
    });
    options.push({
      value: `value:${indicator.slug}`,
      label: t('maps.measureValue', { indicator: indicator.name }),
      measure: { kind: 'value', indicator: indicator.slug },
    });
  }
  const current = measureParam(measure) ?? 'index';
  const chosen = options.find((o) => o.value === current) ?? options[0];
  const located = model.places.filter((p) => p.latitude !== null && p.longitude !== null);
  const unlocated = model.places.filter((p) => p.latitude === null || p.longitude === null);
  const entryOf = new Map(model.legend.map((e) => [e.key, e]));
  const measureLabel = chosen?.label ?? '';
  const lead = model.places.find((p) => p.isLead);
  const summary = [
    t('maps.networkSummary', { located: located.length, count: model.places.length }),
    model.legend
      .filter((e) => e.count > 0)
      .map((e) => `${e.label}: ${e.count}`)
      .join('; '),
    lead === undefined ? '' : t('maps.leadIs', { city: lead.name }),
  ]
    .filter((s) => s !== '')
    .join(' ');
  const sorted = [...model.places].sort((a, b) => a.name.localeCompare(b.name, lang));
  const tableCaption = t('maps.networkTableCaption', { measure: measureLabel });
  return (
    <figure className="map-figure" data-testid="network-map-figure">
      <figcaption className="chart-figure__caption">
        <span data-testid="map-summary">{summary}</span>
        {model.classing !== null && (
          <span className="muted small"> {t(`maps.method.${model.classing.method}`)}</span>
        )}
      </figcaption>
      {options.length > 1 && (
        <p className="map-control">
          <label htmlFor={`${id}-measure`}>{t('maps.measureLabel')}</label>{' '}
          <select
            id={`${id}-measure`}
            value={chosen?.value}
            onChange={(event) => {
              const next = options.find((o) => o.value === event.target.value);
              if (next !== undefined) onMeasureChange(next.measure);
            }}
          >
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </p>
      )}
      <div className="map-layout">
        <div className="map-layout__side">
          <TableScroll label={tableCaption}>
            <table className="table table--compact" data-testid="network-map-table">
              <caption className="visually-hidden">{tableCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('network.city')}</th>
                  <th scope="col">{measureLabel}</th>
                </tr>
              </thead>
              <tbody>
                {sorted.map((p) => {
                  const entry = entryOf.get(p.key);
                  return (
                    <tr key={p.slug} data-city={p.slug} data-key={p.key}>
                      <th scope="row">
                        <LocalLink to={withYear(`/cities/${p.slug}`, year)}>{p.name}</LocalLink>
                        {p.isLead && (
                          <span className="muted small"> · {t('network.leadPartner')}</span>
                        )}
                      </th>
                      <td>
                        {entry !== undefined && (
                          <MarkerIcon shape={entry.shape} fill={entry.fill} glyph={entry.glyph} />
                        )}{' '}
                        {p.valueText}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
          {unlocated.length > 0 && (
            <div className="map-unlocated" data-testid="map-unlocated">
              <p className="small">{t('maps.unlocated', { count: unlocated.length })}</p>
              <ul className="small">
                {unlocated.map((p) => (
                  <li key={p.slug}>
                    {p.name}: {p.valueText}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
        <div className="map-layout__map">
          <MarkerLegend legend={model.legend} showLead={lead !== undefined} title={measureLabel} />
          <MapSlot height={420}>
            <LazyNetworkMap
              places={located}
              legend={model.legend}
              label={t('maps.networkMapLabel', { measure: measureLabel })}
              year={year}
            />
          </MapSlot>
        </div>
      </div>
    </figure>
  );
}
