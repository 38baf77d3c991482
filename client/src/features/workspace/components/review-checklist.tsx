import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../../components/ui/table-scroll';
import { useLanguage } from '../../../lib/i18n/use-language';
import { fetchChecklist, type ReviewChecklist } from '../api/workspace-api';

type Step = 'submit' | 'approve';

/** A number with the indicator's decimals, in the reader's locale. */
function formatNumber(value: number, decimals: number, locale: string): string {
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);
}

const seriesLabel = (series: Record<string, string>): string =>
  Object.entries(series)
    .filter(([k]) => k !== 'geocode')
    .map(([, v]) => v)
    .join(', ');

/**
 * The check before a year is submitted (editors) or approved (coordinators):
 * how many values, which are flagged and why, what changed since the last
 * approval (old → new), which indicators have no value; then a confirmation.
 * Approving flagged values takes an explicit tick naming how many.
 */
export function ReviewChecklistPanel(props: {
  network: string;
  city: string;
  year: number;
  step: Step;
  locale: string;
  busy: boolean;
  onConfirm: (options: { confirmFlagged: boolean }) => void;
  onCancel: () => void;
}): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [checklist, setChecklist] = useState<ReviewChecklist | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [acknowledged, setAcknowledged] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    fetchChecklist(props.network, props.city, props.year, lang).then(
      (c) => {
        if (live) setChecklist(c);
      },
      (err: unknown) => {
        if (live) setError(err instanceof Error ? err.message : String(err));
      },
    );
    return () => {
      live = false;
    };
  }, [props.network, props.city, props.year, lang]);

  useEffect(() => {
    if (checklist !== null) heading.current?.focus();
  }, [checklist]);

  const fmt = (value: number, decimals: number) => formatNumber(value, decimals, props.locale);
  const flagged = checklist?.values.filter((v) => v.plausibility !== null) ?? [];
  const worthShowing =
    checklist?.values.filter((v) => v.plausibility !== null || v.changedSinceApproval) ?? [];
  const needsTick = props.step === 'approve' && flagged.length > 0;

  return (
    <section
      className="review-checklist"
      aria-labelledby={`checklist-${props.year}`}
      data-testid="review-checklist"
    >
      <h4 id={`checklist-${props.year}`} tabIndex={-1} ref={heading}>
        {t(`workspace.checklist.title.${props.step}`, { year: props.year })}
      </h4>
      {error !== null && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      {checklist === null && error === null && (
        <p role="status">{t('workspace.checklist.loading')}</p>
      )}
      {checklist !== null && (
        <>
          <ul className="checklist-counts">
            <li>{t('workspace.checklist.values', { count: checklist.counts.values })}</li>
            <li className={checklist.counts.flagged > 0 ? 'warn' : undefined}>
              <span aria-hidden="true">{checklist.counts.flagged > 0 ? '⚠ ' : '✓ '}</span>
              {t('workspace.checklist.flagged', { count: checklist.counts.flagged })}
            </li>
            {checklist.approvedBefore && (
              <li>{t('workspace.checklist.changed', { count: checklist.counts.changed })}</li>
            )}
            <li className={checklist.counts.missing > 0 ? 'warn' : undefined}>
              <span aria-hidden="true">{checklist.counts.missing > 0 ? '⚠ ' : '✓ '}</span>
              {t('workspace.checklist.missing', { count: checklist.counts.missing })}
            </li>
          </ul>
          {worthShowing.length > 0 && (
            <TableScroll label={t('workspace.checklist.caption', { year: props.year })}>
              <table className="table table--compact table--data" data-testid="checklist-values">
                <caption>{t('workspace.checklist.caption', { year: props.year })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('workspace.checklist.indicator')}</th>
                    <th scope="col" className="num">
                      {t('workspace.checklist.value')}
                    </th>
                    <th scope="col" className="num">
                      {t('workspace.checklist.previous')}
                    </th>
                    <th scope="col" className="num">
                      {t('workspace.checklist.change')}
                    </th>
                    <th scope="col">{t('workspace.checklist.why')}</th>
                  </tr>
                </thead>
                <tbody>
                  {worthShowing.map((v) => (
                    <tr key={`${v.indicator}|${JSON.stringify(v.series)}`}>
                      <th scope="row">
                        {v.name}
                        {seriesLabel(v.series) !== '' && (
                          <span className="muted"> ({seriesLabel(v.series)})</span>
                        )}
                      </th>
                      <td className="num">
                        {v.changedSinceApproval && v.publishedValue !== null ? (
                          <>
                            <del>{fmt(v.publishedValue, v.decimals)}</del> →{' '}
                            <strong>{fmt(v.value, v.decimals)}</strong>
                          </>
                        ) : (
                          <strong>{fmt(v.value, v.decimals)}</strong>
                        )}{' '}
                        <span className="muted">{v.unit}</span>
                      </td>
                      <td className="num">
                        {v.previous === null
                          ? '—'
                          : `${fmt(v.previous.value, v.decimals)} (${v.previous.year})`}
                      </td>
                      <td className="num">
                        {v.change === null
                          ? '—'
                          : `${v.change > 0 ? '+' : v.change < 0 ? '−' : '±'}${fmt(Math.abs(v.change), v.decimals)}`}
                      </td>
                      <td>
                        {v.plausibility !== null ? (
                          <span className="flag-reason">
                            <span aria-hidden="true">⚠ </span>
                            {t('workspace.checklist.implausible')}: {v.plausibility.message}
                          </span>
                        ) : v.changedSinceApproval ? (
                          t(
                            v.publishedValue === null
                              ? 'workspace.checklist.newSinceApproval'
                              : 'workspace.checklist.changedSinceApproval',
                          )
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          {checklist.missing.length > 0 && (
            <details>
              <summary>
                {t('workspace.checklist.missingList', { count: checklist.missing.length })}
              </summary>
              <ul data-testid="checklist-missing">
                {checklist.missing.map((m) => (
                  <li key={m.indicator}>
                    {m.name}
                    {m.lastYear !== null && (
                      <span className="muted">
                        {' '}
                        ({t('workspace.checklist.lastYear', { year: m.lastYear })})
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {needsTick && (
            <p>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={acknowledged}
                  onChange={(e) => setAcknowledged(e.target.checked)}
                />{' '}
                {t('workspace.checklist.acknowledge', { count: flagged.length })}
              </label>
            </p>
          )}
          <div className="actions">
            <button
              type="button"
              className="button"
              disabled={props.busy || (needsTick && !acknowledged)}
              onClick={() => props.onConfirm({ confirmFlagged: needsTick && acknowledged })}
            >
              {t(`workspace.checklist.confirm.${props.step}`, {
                year: props.year,
                count: checklist.counts.values,
              })}
            </button>
            <button type="button" className="button button--secondary" onClick={props.onCancel}>
              {t('workspace.review.cancel')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
