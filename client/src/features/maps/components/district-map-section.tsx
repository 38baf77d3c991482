import { useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../../components/ui/table-scroll';
import { formatValue, formatYear } from '../../../lib/format';
import { useLanguage } from '../../../lib/i18n/use-language';
import { useCityDistricts, type CityDistricts } from '../api/maps-api';
import type { ClassMethod } from '../utils/classing';
import {
  classTextColour,
  codesWithValues,
  districtMapData,
  type DistrictMapData,
} from '../utils/district-map-data';
import { MapSlot } from './map-frame';
import { LazyDistrictMap } from './lazy-maps';

const NO_VALUE_FILL = '#ffffff';

export interface DistrictIndicator {
  name: string;
  unit: string;
  decimals: number;
  direction: 'increase' | 'decrease';
}

interface ValueLike {
  series: Readonly<Record<string, string>>;
  year: number;
  value: number;
}

/**
 * The district map of an indicator (when the city has boundaries and values
 * by district): nothing otherwise. The boundaries are fetched (and cached)
 * only for an indicator with values by district.
 */
export function DistrictMapSection({
  city,
  cityName,
  indicator,
  observations,
  compact = false,
  heading,
  className,
}: {
  city: string;
  cityName: string;
  indicator: DistrictIndicator;
  observations: readonly ValueLike[];
  /** The brief: no controls, a smaller map. */
  compact?: boolean;
  heading: string;
  className?: string;
}): ReactNode {
  const headingId = useId();
  // Boundaries are asked for only when the indicator has values by district
  // (a `geocode` dimension): other breakdowns (sex, age) need no map.
  const hasAreas = observations.some((o) => o.series.geocode !== undefined);
  const districts = useCityDistricts(city, hasAreas);
  if (!hasAreas || districts.data === undefined || districts.data === null) return null;
  const codes = new Set(districts.data.geojson.features.map((f) => f.properties.code));
  if (codesWithValues(observations, codes).size === 0) return null;
  return (
    <section aria-labelledby={headingId} className={className} data-testid="district-map-section">
      <h2 id={headingId}>{heading}</h2>
      <DistrictChoropleth
        districts={districts.data}
        cityName={cityName}
        indicator={indicator}
        observations={observations}
        compact={compact}
      />
    </section>
  );
}

/** The choropleth, its classed legend, the whole city's value, a year control and the table. */
export function DistrictChoropleth({
  districts,
  cityName,
  indicator,
  observations,
  compact = false,
}: {
  districts: CityDistricts;
  cityName: string;
  indicator: DistrictIndicator;
  observations: readonly ValueLike[];
  compact?: boolean;
}): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const id = useId();
  const [year, setYear] = useState<number | null>(null);
  const [method, setMethod] = useState<ClassMethod>('quantile');
  const features = districts.geojson.features;
  const data = useMemo(
    () =>
      districtMapData(
        observations,
        features.map((f) => f.properties),
        { year, method, direction: indicator.direction, decimals: indicator.decimals },
      ),
    [observations, features, year, method, indicator.direction, indicator.decimals],
  );
  const value = (v: number): string => formatValue(v, lang, indicator.decimals, indicator.unit);
  const rowOf = new Map(data.rows.map((r) => [r.code, r]));
  const comparisonText = (c: DistrictMapData['rows'][number]['comparison']): string =>
    c === null ? '' : t(`maps.district.${c}`);
  const withValues = data.rows.filter((r) => r.value !== null);
  const highest = withValues.reduce<(typeof withValues)[number] | undefined>(
    (best, r) => (best === undefined || r.value! > best.value! ? r : best),
    undefined,
  );
  const lowest = withValues.reduce<(typeof withValues)[number] | undefined>(
    (best, r) => (best === undefined || r.value! < best.value! ? r : best),
    undefined,
  );
  const yearText = data.year === null ? '' : formatYear(data.year);
  const summary = t('maps.district.summary', {
    count: withValues.length,
    total: data.rows.length,
    year: yearText,
    highest: highest === undefined ? '' : `${highest.name} (${value(highest.value!)})`,
    lowest: lowest === undefined ? '' : `${lowest.name} (${value(lowest.value!)})`,
  });
  const caption = t('maps.district.tableCaption', {
    indicator: indicator.name,
    city: cityName,
    year: yearText,
  });
  const styleOf = (code: string) => {
    const row = rowOf.get(code);
    const fill =
      row?.classIndex === null || row?.classIndex === undefined
        ? NO_VALUE_FILL
        : data.fills[row.classIndex]!;
    return {
      fill,
      mark:
        row?.classIndex === null || row?.classIndex === undefined
          ? null
          : String(row.classIndex + 1),
      markColour: classTextColour(fill),
      description:
        row === undefined
          ? code
          : row.value === null
            ? t('maps.district.describeNone', { district: row.name })
            : row.comparison === null
              ? t('maps.district.describeNoCity', {
                  district: row.name,
                  value: value(row.value),
                  class: (row.classIndex ?? 0) + 1,
                })
              : t('maps.district.describe', {
                  district: row.name,
                  value: value(row.value),
                  comparison: comparisonText(row.comparison),
                  class: (row.classIndex ?? 0) + 1,
                }),
    };
  };
  return (
    <figure
      className={`map-figure${compact ? ' map-figure--compact' : ''}`}
      data-testid="district-map-figure"
    >
      <figcaption className="chart-figure__caption">
        <span data-testid="district-summary">{summary}</span>
      </figcaption>
      {!compact && (
        <div className="map-control toolbar">
          {data.years.length > 1 && (
            <label>
              {t('maps.district.year')}{' '}
              <select
                value={data.year ?? ''}
                onChange={(event) => setYear(Number(event.target.value))}
                data-testid="district-year"
              >
                {data.years.map((y) => (
                  <option key={y} value={y}>
                    {formatYear(y)}
                  </option>
                ))}
              </select>
            </label>
          )}
          <fieldset className="segmented">
            <legend>{t('maps.district.classesLegend')}</legend>
            {(['quantile', 'equal'] as const).map((m) => (
              <label key={m}>
                <input
                  type="radio"
                  name={`${id}-method`}
                  value={m}
                  checked={method === m}
                  onChange={() => setMethod(m)}
                />
                {t(`maps.district.${m}`)}
              </label>
            ))}
          </fieldset>
        </div>
      )}
      <div className="map-layout">
        <div className="map-layout__side">
          <p className="map-headline" data-testid="district-headline">
            {t('maps.district.wholeCity', { city: cityName, year: yearText })}{' '}
            <strong>{data.headline === null ? '—' : value(data.headline)}</strong>
          </p>
          {!compact && (
            <TableScroll label={caption}>
              <table className="table table--compact" data-testid="district-table">
                <caption className="visually-hidden">{caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('maps.district.district')}</th>
                    <th scope="col" className="num">
                      {t('maps.district.value')}
                    </th>
                    <th scope="col">{t('maps.district.class')}</th>
                    <th scope="col">{t('maps.district.comparedWithCity')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.rows.map((r) => (
                    <tr key={r.code} data-code={r.code} data-class={r.classIndex ?? ''}>
                      <th scope="row">
                        {r.name} <span className="muted small code">{r.code}</span>
                      </th>
                      <td className="num">{r.value === null ? '—' : value(r.value)}</td>
                      <td>{r.classIndex === null ? '—' : r.classIndex + 1}</td>
                      <td>{r.value === null ? t('maps.noValue') : comparisonText(r.comparison)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </div>
        <div className="map-layout__map">
          <div className="map-legend" data-testid="district-legend">
            <p className="map-legend__title">
              {indicator.unit === '' ? indicator.name : `${indicator.name} (${indicator.unit})`}
            </p>
            <ul>
              {data.classing.classes.map((c) => (
                <li key={c.index} data-class={c.index} data-fill={data.fills[c.index]}>
                  <span
                    className="map-swatch"
                    style={{
                      background: data.fills[c.index],
                      color: classTextColour(data.fills[c.index]!),
                    }}
                    aria-hidden="true"
                  >
                    {c.index + 1}
                  </span>
                  <span>
                    {c.lower === c.upper
                      ? value(c.lower)
                      : t('maps.classRange', { from: value(c.lower), to: value(c.upper) })}
                  </span>
                  <span className="muted small">
                    {' '}
                    ({t('maps.district.count', { count: c.count })})
                  </span>
                </li>
              ))}
              {data.rows.some((r) => r.value === null) && (
                <li data-class="none">
                  <span className="map-swatch map-swatch--none" aria-hidden="true" />
                  <span>{t('maps.noValue')}</span>
                </li>
              )}
            </ul>
            <p className="muted small">{t(`maps.method.${data.classing.method}`)}</p>
          </div>
          <MapSlot height={compact ? 140 : 360}>
            <LazyDistrictMap
              features={features}
              styleOf={styleOf}
              label={t('maps.district.mapLabel', {
                indicator: indicator.name,
                city: cityName,
                year: yearText,
              })}
              maxHeight={compact ? 140 : 480}
            />
          </MapSlot>
        </div>
      </div>
    </figure>
  );
}
