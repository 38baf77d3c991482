import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Field, Input, Select, TextArea } from '../../../components/ui/form-field';
import { ApiError } from '../../../lib/api-client';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { useFlagWord } from '../../../components/ui/value-flags';
import { describeSeries, type SeriesDimensions } from '../../../lib/series';
import {
  saveValue,
  useValueHistory,
  type Observation,
  type ReviewComment,
  type WorkspaceIndicator,
} from '../api/workspace-api';
import type { PendingEdit } from '../utils/grid-model';
import { HistoryList } from './history-list';
import { formatStored } from '../../../lib/format';

/**
 * The selected cell in full: value, status, source and note (saved with the
 * value's ETag), the plausibility flag with its reason, the review comments
 * and the value's history.
 */
export function CellPanel(props: {
  city: { slug: string; name: string };
  network: string;
  indicator: WorkspaceIndicator;
  year: number;
  value: Observation | null;
  pending: PendingEdit | null;
  comments: readonly ReviewComment[];
  locked: string | null;
  locale: string;
  /** The series of the value ({} = the headline). */
  series?: SeriesDimensions;
  onSaved: (saved: Observation) => void;
  onConflict: (theirs: Observation | null, mine: number) => void;
  onRetry: () => void;
  onDiscard: () => void;
}): ReactNode {
  const { t, i18n } = useTranslation();
  const { indicator, value, year, locale } = props;
  const series = props.series ?? {};
  const seriesText = describeSeries(series);
  const flagWord = useFlagWord();
  const unit = indicator.translations[i18n.language]?.unit ?? indicator.unit;
  const [source, setSource] = useState(value?.source ?? '');
  const [note, setNote] = useState(value?.note ?? '');
  const [status, setStatus] = useState(value?.status ?? 'final');
  const [comment, setComment] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [showHistory, setShowHistory] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (value === null) return;
    setBusy(true);
    setMessage(null);
    try {
      const saved = await saveValue(
        props.city.slug,
        indicator.slug,
        year,
        {
          value: value.value,
          status,
          source: source.trim() === '' ? null : source.trim(),
          note: note.trim() === '' ? null : note.trim(),
          ...(comment.trim() === '' ? {} : { comment: comment.trim() }),
        },
        value.etag,
        series,
      );
      props.onSaved(saved);
      setComment('');
      setMessage(t('workspace.cell.savedDetails'));
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) {
        props.onConflict(
          (err.details as { current?: Observation | null } | undefined)?.current ?? null,
          value.value,
        );
      } else setMessage(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="cell-panel" aria-labelledby="cell-panel-title" data-testid="cell-panel">
      <h3 id="cell-panel-title">
        {indicator.translations[i18n.language]?.name ?? indicator.name} · {year}
        {seriesText !== '' && <> · {seriesText}</>}
      </h3>
      <p className="hint">
        {t('workspace.cell.unit', { unit })}
        {indicator.allowedMin !== null || indicator.allowedMax !== null
          ? ` · ${t('workspace.cell.range', {
              min:
                indicator.allowedMin === null
                  ? '−∞'
                  : formatNumber(indicator.allowedMin, locale, indicator.decimals),
              max:
                indicator.allowedMax === null
                  ? '∞'
                  : formatNumber(indicator.allowedMax, locale, indicator.decimals),
            })}`
          : ''}
      </p>
      {props.locked !== null && <p className="notice">{props.locked}</p>}
      {props.pending !== null && props.pending.state !== 'saving' && (
        <div className="notice notice-warning" role="status">
          <p>
            {t('workspace.cell.unsavedValue', { text: props.pending.text })} {props.pending.message}
          </p>
          {props.pending.retryable && (
            <Button size="small" onClick={props.onRetry}>
              {t('workspace.grid.retry')}
            </Button>
          )}{' '}
          <Button variant="secondary" size="small" onClick={props.onDiscard}>
            {t('workspace.cell.discard')}
          </Button>
        </div>
      )}
      {(value?.flag ?? null) !== null && (
        <p className="notice notice-warning" data-testid="flag-reason">
          <span aria-hidden="true">⚠ </span>
          {t('workspace.grid.flagged')}: {value?.flag?.message}
        </p>
      )}
      {value === null ? (
        <p>{t('workspace.cell.noValue')}</p>
      ) : (
        <form onSubmit={(e) => void submit(e)} className="cell-form">
          <p>
            {t('workspace.cell.value')}:{' '}
            <strong>
              {formatStored(value.value, locale, indicator.decimals)} {unit}
            </strong>
            {value.flags.length > 0 && (
              <span data-testid="cell-flags"> ({value.flags.map(flagWord).join(', ')})</span>
            )}{' '}
            <span className="hint">
              {t('workspace.cell.updated', {
                who: value.updatedBy,
                when: formatDateTime(value.updatedAt, locale),
              })}
            </span>
          </p>
          <Field label={t('workspace.cell.status')}>
            <Select
              value={status}
              onChange={(e) => setStatus(e.target.value as 'final' | 'provisional')}
              disabled={props.locked !== null}
            >
              <option value="final">{t('workspace.cell.final')}</option>
              <option value="provisional">{t('workspace.cell.provisional')}</option>
            </Select>
          </Field>
          <Field label={t('workspace.cell.source')} wide>
            <Input
              value={source}
              maxLength={500}
              onChange={(e) => setSource(e.target.value)}
              disabled={props.locked !== null}
            />
          </Field>
          <Field label={t('workspace.cell.note')} wide>
            <TextArea
              value={note}
              maxLength={2000}
              rows={2}
              onChange={(e) => setNote(e.target.value)}
              disabled={props.locked !== null}
            />
          </Field>
          <Field label={t('workspace.cell.changeComment')} wide>
            <Input
              value={comment}
              maxLength={2000}
              onChange={(e) => setComment(e.target.value)}
              disabled={props.locked !== null}
            />
          </Field>
          <Button type="submit" disabled={busy || props.locked !== null}>
            {t('workspace.cell.saveDetails')}
          </Button>
          <p role="status">{message}</p>
        </form>
      )}
      {props.comments.length > 0 && (
        <div>
          <h4>{t('workspace.review.comments')}</h4>
          <ul className="comments">
            {props.comments.map((c) => (
              <li key={c.id}>
                <strong>{c.author}</strong> ({formatDateTime(c.at, locale)}): {c.body}
              </li>
            ))}
          </ul>
        </div>
      )}
      {value !== null && (
        <button
          type="button"
          className="link-button"
          aria-expanded={showHistory}
          onClick={() => setShowHistory((s) => !s)}
        >
          {t('workspace.cell.history')}
        </button>
      )}
      {showHistory && (
        <ValueHistoryList
          city={props.city.slug}
          indicator={indicator.slug}
          definition={indicator}
          year={year}
          locale={locale}
          series={series}
        />
      )}
    </section>
  );
}

function ValueHistoryList(props: {
  city: string;
  indicator: string;
  /** For the values' unit and decimals. */
  definition: WorkspaceIndicator;
  year: number;
  locale: string;
  series: SeriesDimensions;
}): ReactNode {
  const history = useValueHistory(props.city, props.indicator, props.year, props.series);
  const { t } = useTranslation();
  if (history.isPending) return <p>{t('state.loading')}</p>;
  if (history.isError) return <p role="alert">{history.error.message}</p>;
  return (
    <HistoryList
      events={[...history.data.events].reverse()}
      locale={props.locale}
      indicators={[props.definition]}
    />
  );
}
