import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assessment, GapChartPoint } from '@api/progress.schema';
import { Button } from '../../../components/ui/button';
import { ChartFigure } from '../../../components/ui/chart-frame';
import { Field, Input, Select } from '../../../components/ui/form-field';
import { StatusBadge } from '../../../components/ui/status-badge';
import { ApiError, apiFetch } from '../../../lib/api-client';
import { GapDataTable } from '../../progress/components/gap-data-table';
import { LazyActionGapChart } from '../../progress/components/lazy-action-gap-chart';
import {
  saveAmbition,
  type Ambition,
  type Observation,
  type WorkspaceIndicator,
} from '../api/workspace-api';
import { parseLocaleNumber, editableNumber } from '../utils/parse-number';

/**
 * Baseline and target per indicator, with a live preview: the data so far,
 * the required path from baseline to target, and the status the published
 * method gives them (computed by the server's calculator as the officer types).
 */
export function AmbitionsPanel(props: {
  city: string;
  indicators: readonly WorkspaceIndicator[];
  values: readonly Observation[];
  ambitions: readonly Ambition[];
  locale: string;
  canEdit: boolean;
  onSaved: () => void;
}): ReactNode {
  const { t, i18n } = useTranslation();
  const [slug, setSlug] = useState(props.indicators[0]?.slug ?? '');
  const indicator = props.indicators.find((i) => i.slug === slug);
  return (
    <div className="ambitions-panel">
      <Field label={t('workspace.ambition.indicator')} wide>
        <Select
          value={slug}
          onChange={(e) => setSlug(e.target.value)}
          data-testid="ambition-indicator"
        >
          {props.indicators.map((i) => (
            <option key={i.slug} value={i.slug}>
              {i.translations[i18n.language]?.name ?? i.name}
              {props.ambitions.some((a) => a.indicator === i.slug)
                ? ''
                : ` (${t('workspace.ambition.none')})`}
            </option>
          ))}
        </Select>
      </Field>
      {indicator !== undefined && (
        <AmbitionForm
          key={indicator.slug}
          city={props.city}
          indicator={indicator}
          series={props.values
            .filter((v) => v.indicator === indicator.slug)
            .map((v) => ({ year: v.year, value: v.value }))
            .sort((a, b) => a.year - b.year)}
          ambition={props.ambitions.find((a) => a.indicator === indicator.slug) ?? null}
          locale={props.locale}
          canEdit={props.canEdit}
          onSaved={props.onSaved}
        />
      )}
    </div>
  );
}

function AmbitionForm(props: {
  city: string;
  indicator: WorkspaceIndicator;
  series: Array<{ year: number; value: number }>;
  ambition: Ambition | null;
  locale: string;
  canEdit: boolean;
  onSaved: () => void;
}): ReactNode {
  const { t, i18n } = useTranslation();
  const { indicator, series, ambition, locale } = props;
  const first = series[0];
  const [baselineYear, setBaselineYear] = useState(
    String(ambition?.baselineYear ?? first?.year ?? 2015),
  );
  const [baselineValue, setBaselineValue] = useState(
    ambition !== null
      ? editableNumber(ambition.baselineValue, locale)
      : first !== undefined
        ? editableNumber(first.value, locale)
        : '',
  );
  const [targetYear, setTargetYear] = useState(String(ambition?.targetYear ?? 2030));
  const [targetValue, setTargetValue] = useState(
    ambition !== null ? editableNumber(ambition.targetValue, locale) : '',
  );
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  // The ETag of the last save, else the ambition's as loaded.
  const [savedEtag, setEtag] = useState<string | null>(null);
  const etag = savedEtag ?? ambition?.etag ?? null;
  // Whether the public sees this ambition (false: set or changed since the last approval).
  const [savedApproved, setApproved] = useState<boolean | null>(null);
  const approved = savedApproved ?? ambition?.approved ?? true;

  const parsed = useMemo(() => {
    const by = Number(baselineYear);
    const ty = Number(targetYear);
    const bv = parseLocaleNumber(baselineValue, locale);
    const tv = parseLocaleNumber(targetValue, locale);
    const errors: string[] = [];
    if (!Number.isInteger(by) || by < 1950 || by > 2100)
      errors.push(t('workspace.ambition.badYear'));
    if (!Number.isInteger(ty) || ty < 1950 || ty > 2100)
      errors.push(t('workspace.ambition.badYear'));
    else if (ty <= by) errors.push(t('workspace.ambition.targetAfterBaseline'));
    if (bv === null) errors.push(t('workspace.ambition.badBaseline'));
    if (tv === null) errors.push(t('workspace.ambition.badTarget'));
    return errors.length > 0 ? { errors } : { errors, by, ty, bv: bv!, tv: tv! };
  }, [baselineYear, baselineValue, targetYear, targetValue, locale, t]);

  const preview = useQuery({
    queryKey: ['assess', indicator.slug, indicator.direction, series, parsed],
    queryFn: ({ signal }) =>
      apiFetch<Assessment>('/api/v1/progress/assess', {
        method: 'POST',
        signal,
        body: {
          direction: indicator.direction,
          observations: series,
          baseline: { year: parsed.by!, value: parsed.bv! },
          target: { year: parsed.ty!, value: parsed.tv! },
          trend: indicator.trendType,
        },
      }),
    enabled: parsed.errors.length === 0 && series.length > 0,
    placeholderData: keepPreviousData,
  });

  const points: GapChartPoint[] = useMemo(() => {
    if (parsed.errors.length > 0) return [];
    const years = new Set<number>([...series.map((s) => s.year), parsed.by!, parsed.ty!]);
    return [...years]
      .sort((a, b) => a - b)
      .map((year) => ({
        year,
        observed: series.find((s) => s.year === year)?.value ?? null,
        required:
          year >= parsed.by! && year <= parsed.ty!
            ? parsed.bv! +
              ((parsed.tv! - parsed.bv!) * (year - parsed.by!)) / (parsed.ty! - parsed.by!)
            : null,
        projected: null,
        target: year === parsed.ty ? parsed.tv! : null,
      }));
  }, [parsed, series]);

  const unit = indicator.translations[i18n.language]?.unit ?? indicator.unit;
  // The four inputs, in the form's order: years take whole numbers, values decimals.
  const fields = [
    {
      label: 'workspace.ambition.baselineYear',
      isYear: true,
      value: baselineYear,
      onChange: setBaselineYear,
    },
    {
      label: 'workspace.ambition.baselineValue',
      isYear: false,
      value: baselineValue,
      onChange: setBaselineValue,
    },
    {
      label: 'workspace.ambition.targetYear',
      isYear: true,
      value: targetYear,
      onChange: setTargetYear,
    },
    {
      label: 'workspace.ambition.targetValue',
      isYear: false,
      value: targetValue,
      onChange: setTargetValue,
    },
  ] as const;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (parsed.errors.length > 0) return;
    setMessage(null);
    try {
      const saved = await saveAmbition(
        props.city,
        indicator.slug,
        {
          baselineYear: parsed.by!,
          baselineValue: parsed.bv!,
          targetYear: parsed.ty!,
          targetValue: parsed.tv!,
        },
        etag,
      );
      setEtag(saved.etag);
      setApproved(saved.approved);
      setMessage({ text: t('workspace.ambition.saved'), error: false });
      props.onSaved();
    } catch (err) {
      setMessage({
        text:
          err instanceof ApiError && err.status === 412
            ? t('workspace.ambition.conflict')
            : err instanceof Error
              ? err.message
              : String(err),
        error: true,
      });
    }
  };

  return (
    <div className="ambition-form">
      <form onSubmit={(e) => void submit(e)} aria-describedby="ambition-errors">
        <fieldset disabled={!props.canEdit} className="fieldset">
          <legend>{t('workspace.ambition.legend', { unit })}</legend>
          <div className="field-row">
            {fields.map((field) => (
              <Field key={field.label} label={t(field.label)}>
                <Input
                  className={field.isYear ? 'input--year' : 'input--number'}
                  inputMode={field.isYear ? 'numeric' : 'decimal'}
                  value={field.value}
                  onChange={(e) => field.onChange(e.target.value)}
                />
              </Field>
            ))}
          </div>
          <Button type="submit" disabled={parsed.errors.length > 0}>
            {t('workspace.ambition.save')}
          </Button>
        </fieldset>
        {!approved && (
          <p className="notice notice--pending" data-testid="ambition-pending">
            {t('workspace.ambition.pending')}
          </p>
        )}
        <div id="ambition-errors" role="alert" className="field-error">
          {parsed.errors.join(' ')}
        </div>
        {message !== null && (
          <p
            role={message.error ? 'alert' : 'status'}
            className={message.error ? 'field-error' : ''}
          >
            {message.text}
          </p>
        )}
      </form>
      <div aria-live="polite" data-testid="ambition-preview">
        {series.length === 0 ? (
          <p>{t('workspace.ambition.noData')}</p>
        ) : preview.data !== undefined && parsed.errors.length === 0 ? (
          <p>
            {t('workspace.ambition.previewStatus')} <StatusBadge status={preview.data.status} />
          </p>
        ) : null}
      </div>
      {points.length > 0 && (
        <ChartFigure
          caption={t('workspace.ambition.chartCaption')}
          height={260}
          chart={
            <LazyActionGapChart
              points={points}
              decimals={indicator.decimals}
              unit={unit}
              direction={indicator.direction}
              height={260}
            />
          }
          table={
            <GapDataTable
              points={points}
              decimals={indicator.decimals}
              unit={unit}
              caption={t('workspace.ambition.tableCaption')}
            />
          }
        />
      )}
    </div>
  );
}
