import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Field, Select, TextArea } from '../../../components/ui/form-field';
import { StackTable } from '../../../components/ui/stack-table';
import { formatDateTime } from '../../../lib/format';
import { ReviewChecklistPanel } from './review-checklist';
import {
  postComment,
  reviewStep,
  type CityReviews,
  type ReviewAction,
  type WorkspaceIndicator,
} from '../api/workspace-api';

/**
 * The review of a city's years: state, counts, who submitted and decided,
 * the steps the reader may take (submit/withdraw for editors; return,
 * approve, reopen for coordinators) and the comments.
 */
export function ReviewPanel(props: {
  network: string;
  city: string;
  reviews: CityReviews;
  indicators: readonly WorkspaceIndicator[];
  locale: string;
  focusYear: number | null;
  onChanged: () => void;
}): ReactNode {
  const { t } = useTranslation();
  const { reviews, locale } = props;
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  // Submitting and approving go through the year's checklist first.
  const [checking, setChecking] = useState<{ year: number; step: 'submit' | 'approve' } | null>(
    null,
  );

  const act = async (
    year: number,
    action: ReviewAction,
    comment?: string,
    options: { confirmFlagged?: boolean } = {},
  ) => {
    setBusy(true);
    setMessage(null);
    try {
      await reviewStep(props.network, props.city, year, action, comment, options);
      setChecking(null);
      setMessage({
        text: t(`workspace.review.done.${action}` as 'workspace.review.done.submit', { year }),
        error: false,
      });
      props.onChanged();
    } catch (err) {
      setMessage({ text: err instanceof Error ? err.message : String(err), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="review-panel">
      <p
        role={message?.error === true ? 'alert' : 'status'}
        className={message?.error === true ? 'field-error' : ''}
      >
        {message?.text}
      </p>
      {/* On a phone each year is a card with its actions underneath. */}
      <StackTable
        label={t('workspace.review.caption')}
        tall
        className="table--sticky"
        testId="review-table"
        caption={t('workspace.review.caption')}
        columns={[
          { label: t('workspace.review.year') },
          { label: t('workspace.review.state') },
          { label: t('workspace.review.values'), num: true },
          { label: t('workspace.review.public'), num: true },
          { label: t('workspace.review.lastStep') },
          { label: t('workspace.review.actions') },
        ]}
      >
        {reviews.years.map((y) => (
          <tr key={y.year} role="row" className={props.focusYear === y.year ? 'highlight' : ''}>
            <th scope="row" role="rowheader" className="stack-table__title">
              {y.year}
            </th>
            <td role="cell" className="stack-table__badge">
              <span className={`state-badge state-${y.state}`}>
                {t(`workspace.state.${y.state}` as 'workspace.state.draft')}
              </span>
            </td>
            <td role="cell" className="num" data-label={t('workspace.review.values')}>
              {y.values}
            </td>
            <td role="cell" className="num" data-label={t('workspace.review.public')}>
              {y.published}
            </td>
            <td role="cell" data-label={t('workspace.review.lastStep')}>
              {y.decidedAt !== null && (y.submittedAt === null || y.decidedAt >= y.submittedAt)
                ? t('workspace.review.decided', {
                    who: y.decidedBy,
                    when: formatDateTime(y.decidedAt, locale),
                  })
                : y.submittedAt !== null
                  ? t('workspace.review.submitted', {
                      who: y.submittedBy,
                      when: formatDateTime(y.submittedAt, locale),
                    })
                  : ''}
            </td>
            <td role="cell" className="stack-table__actions">
              <YearActions
                year={y.year}
                steps={y.steps}
                busy={busy}
                onAct={(action, comment) =>
                  action === 'submit' || action === 'approve'
                    ? setChecking({ year: y.year, step: action })
                    : void act(y.year, action, comment)
                }
              />
            </td>
          </tr>
        ))}
      </StackTable>
      {checking !== null && (
        <ReviewChecklistPanel
          key={`${checking.year}-${checking.step}`}
          network={props.network}
          city={props.city}
          year={checking.year}
          step={checking.step}
          locale={locale}
          busy={busy}
          onConfirm={(options) => void act(checking.year, checking.step, undefined, options)}
          onCancel={() => setChecking(null)}
        />
      )}
      <CommentForm
        network={props.network}
        city={props.city}
        years={reviews.years.map((y) => y.year)}
        defaultYear={props.focusYear ?? reviews.years[0]?.year ?? new Date().getFullYear() - 1}
        indicators={props.indicators}
        canComment={reviews.you.canSubmit || reviews.you.canDecide}
        onPosted={props.onChanged}
      />
      <h3>{t('workspace.review.comments')}</h3>
      {reviews.comments.length === 0 ? (
        <p>{t('workspace.review.noComments')}</p>
      ) : (
        <ul className="comments" data-testid="review-comments">
          {reviews.comments.map((c) => (
            <li key={c.id}>
              <strong>{c.author}</strong> · {c.year}
              {c.indicator !== null
                ? ` · ${props.indicators.find((i) => i.slug === c.indicator)?.name ?? c.indicator}`
                : ''}{' '}
              · <time dateTime={c.at}>{formatDateTime(c.at, locale)}</time>
              <p>{c.body}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function YearActions(props: {
  year: number;
  /** The steps the server says the reader may take now. */
  steps: readonly ReviewAction[];
  busy: boolean;
  onAct: (action: ReviewAction, comment?: string) => void;
}): ReactNode {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<ReviewAction | null>(null);
  const [comment, setComment] = useState('');
  const actions = props.steps;
  if (asking !== null)
    return (
      <form
        className="year-actions__form"
        onSubmit={(e) => {
          e.preventDefault();
          props.onAct(asking, comment.trim());
          setAsking(null);
          setComment('');
        }}
      >
        <Field label={t(`workspace.review.why.${asking}` as 'workspace.review.why.return')} wide>
          <TextArea
            required
            value={comment}
            maxLength={2000}
            rows={2}
            onChange={(e) => setComment(e.target.value)}
          />
        </Field>
        <Button type="submit" disabled={props.busy}>
          {t(`workspace.review.action.${asking}` as 'workspace.review.action.return', {
            year: props.year,
          })}
        </Button>
        <Button variant="secondary" onClick={() => setAsking(null)}>
          {t('workspace.review.cancel')}
        </Button>
      </form>
    );
  return (
    <div className="actions year-actions">
      {actions.map((action) => (
        <Button
          key={action}
          // The step that moves a year forward is the primary one; returning, reopening and withdrawing are secondary.
          variant={action === 'submit' || action === 'approve' ? 'primary' : 'secondary'}
          disabled={props.busy}
          onClick={() =>
            action === 'return' || action === 'reopen' ? setAsking(action) : props.onAct(action)
          }
        >
          {t(`workspace.review.action.${action}` as 'workspace.review.action.submit', {
            year: props.year,
          })}
        </Button>
      ))}
    </div>
  );
}

function CommentForm(props: {
  network: string;
  city: string;
  years: readonly number[];
  defaultYear: number;
  indicators: readonly WorkspaceIndicator[];
  canComment: boolean;
  onPosted: () => void;
}): ReactNode {
  const { t } = useTranslation();
  const [year, setYear] = useState(props.defaultYear);
  const [indicator, setIndicator] = useState('');
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!props.canComment) return null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await postComment(props.network, props.city, year, {
        ...(indicator === '' ? {} : { indicator }),
        body: body.trim(),
      });
      setBody('');
      props.onPosted();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <form
      className="comment-form"
      onSubmit={(e) => void submit(e)}
      aria-labelledby="comment-form-title"
    >
      <h3 id="comment-form-title">{t('workspace.review.addComment')}</h3>
      <div className="field-row">
        <Field label={t('workspace.review.year')}>
          <Select id="comment-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {props.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('workspace.review.onValue')}>
          <Select id="comment-on" value={indicator} onChange={(e) => setIndicator(e.target.value)}>
            <option value="">{t('workspace.review.wholeYear')}</option>
            {props.indicators.map((i) => (
              <option key={i.slug} value={i.slug}>
                {i.name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label={t('workspace.review.comment')} wide>
        <TextArea
          id="comment-body"
          required
          maxLength={2000}
          rows={3}
          value={body}
          onChange={(e) => setBody(e.target.value)}
        />
      </Field>
      {error !== null && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      <Button type="submit">{t('workspace.review.post')}</Button>
    </form>
  );
}
