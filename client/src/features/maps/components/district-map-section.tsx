import { useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LocalLink } from '../../../components/ui/local-link';
import { TableScroll } from '../../../components/ui/table-scroll';
import { formatValue, formatYear } from '../../../lib/format';
import { useLanguage } from '../../../lib/i18n/use-language';
import { useSession } from '../../auth/api/auth-api';
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
 * by district). When the indicator has values by district but the city has no
 * boundaries (none uploaded yet, or removed), the section says so where the
 * map would be, and the city's editors get a link to upload them. Nothing for
 * an indicator without values by district. The boundaries are fetched (and
 * cached) only for an indicator with values by district.
 */
export function DistrictMapSection({
  city,
  cityName,
  indicator,
  observations,
  heading,
}: {
  city: string;
  cityName: string;
  indicator: DistrictIndicator;
  observations: readonly ValueLike[];
  heading: string;
}): ReactNode {
  const { t } = useTranslation();
  const headingId = useId();
  const session = useSession();
  // Boundaries are asked for only when the indicator has values by district
  // (a `geocode` dimension): other breakdowns (sex, age) need no map.
  const hasAreas = observations.some((o) => o.series.geocode !== undefined);
  const districts = useCityDistricts(city, hasAreas);
  if (!hasAreas || districts.data === undefined) return null;
  const codes = new Set((districts.data?.geojson.features ?? []).map((f) => f.properties.code));
  const mapped = codesWithValues(observations, codes).size > 0;
  const canUpload = (session.data?.roles ?? []).some(
    (r) => r.role === 'admin' || (r.role === 'editor' && r.city?.slug === city),
  );
  const workspace = `/cities/${city}/workspace?tab=districts`;
  return (
    <section aria-labelledby={headingId} data-testid="district-map-section">
      <h2 id={headingId}>{heading}</h2>
      {districts.data !== null && mapped ? (
        <>
          <DistrictChoropleth
            districts={districts.data}
            cityName={cityName}
            indicator={indicator}
            observations={observations}
          />
          {canUpload && (
            <p className="small">
              <LocalLink to={workspace} data-testid="district-boundaries-link">
                {t('maps.district.manageLink')}
              </LocalLink>
            </p>
          )}
        </>
      ) : (
        <p className="notice" data-testid="district-map-none">
          {districts.data === null
            ? t('maps.district.noBoundaries', { city: cityName })
            : t('maps.district.noMatch', { city: cityName })}{' '}
          {canUpload && (
            <LocalLink to={workspace} data-testid="district-boundaries-link">
              {t('maps.district.uploadLink')}
            </LocalLink>
          )}
        </p>
      )}
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
  year: initialYear = null,
}: {
  districts: CityDistricts;
  cityName: string;
  indicator: DistrictIndicator;
  observations: readonly ValueLike[];
  /** The brief: no controls, a small map beside its legend and a compact table. */
  compact?: boolean;
  /** The year to show first (the latest with district values when absent or without any). */
  year?: number | null;
}): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const id = useId();
  const [year, setYear] = useState<number | null>(initialYear);
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
  const legend = (
    <div className="map-legend" data-testid="district-legend">
      {/* The brief's heading names the indicator, and its values carry the unit. */}
      {!compact && (
        <p className="map-legend__title">
          {indicator.unit === '' ? indicator.name : `${indicator.name} (${indicator.unit})`}
        </p>
      )}
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
            <span className="muted small"> ({t('maps.district.count', { count: c.count })})</span>
          </li>
        ))}
        {data.rows.some((r) => r.value === null) && (
          <li data-class="none">
            <span className="map-swatch map-swatch--none" aria-hidden="true" />
            <span>{t('maps.noValue')}</span>
          </li>
        )}
      </ul>
      <p className="muted small">
        {compact
          ? t('maps.method.short', { method: t(`maps.district.${data.classing.method}`) })
          : t(`maps.method.${data.classing.method}`)}
      </p>
    </div>
  );
  const map = (
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
  );
  // Without the whole city's value that year there is nothing to compare with: no column.
  const compared = data.headline !== null;
  if (compact)
    return (
      <figure className="map-figure map-figure--compact" data-testid="district-map-figure">
        {/* On paper the list says as much: the summary is for the screen. */}
        <figcaption className="chart-figure__caption small no-print">
          <span data-testid="district-summary">{summary}</span>
        </figcaption>
        <div className="map-brief">
          <div className="map-brief__map">{map}</div>
          <div>
            {legend}
            <p className="map-brief__city" data-testid="district-headline">
              {t('maps.district.wholeCity', { city: cityName, year: yearText })}{' '}
              <strong>{data.headline === null ? '—' : value(data.headline)}</strong>
            </p>
          </div>
          {/* Every district's class, value and comparison in words: the map's text alternative. */}
          <ul className="map-brief__list" aria-label={caption} data-testid="district-table">
            {data.rows.map((r) => (
              <li key={r.code} data-code={r.code} data-class={r.classIndex ?? ''}>
                {r.classIndex === null ? (
                  <span className="map-swatch map-swatch--none" aria-hidden="true" />
                ) : (
                  <span
                    className="map-swatch"
                    style={{
                      background: data.fills[r.classIndex],
                      color: classTextColour(data.fills[r.classIndex]!),
                    }}
                    aria-hidden="true"
                  >
                    {r.classIndex + 1}
                  </span>
                )}{' '}
                <span className="visually-hidden">
                  {r.classIndex === null ? '' : `${t('maps.district.class')} ${r.classIndex + 1}: `}
                </span>
                <strong>{r.name}</strong>{' '}
                <span data-testid="district-value">
                  {r.value === null ? t('maps.noValue') : value(r.value)}
                </span>
                {compared && r.comparison !== null && (
                  <span data-testid="district-comparison">
                    {' '}
                    ({t(`maps.district.short.${r.comparison}`)})
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      </figure>
    );
  return (
    <figure className="map-figure" data-testid="district-map-figure">
      <figcaption className="chart-figure__caption">
        <span data-testid="district-summary">{summary}</span>
      </figcaption>
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
      <div className="map-layout">
        <div className="map-layout__side">
          <p className="map-headline" data-testid="district-headline">
            {t('maps.district.wholeCity', { city: cityName, year: yearText })}{' '}
            <strong>{data.headline === null ? '—' : value(data.headline)}</strong>
          </p>
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
        </div>
        <div className="map-layout__map">
          {legend}
          {map}
        </div>
      </div>
    </figure>
  );
}
