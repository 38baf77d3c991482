import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import type { CityReviews, ReviewComment } from '../api/workspace-api';

export interface ReturnedYear {
  year: number;
  by: string | null;
  at: string | null;
  /** The coordinator's reason (the comment sent with the return), when there is one. */
  reason: ReviewComment | null;
  /** Comments on the year's values. */
  valueComments: number;
}

/**
 * The years sent back to the city, newest first, each with the reason given
 * when it was returned: the year comment written with the return (same
 * moment, same author), else the coordinator's latest comment on the year.
 */
export function returnedYears(reviews: CityReviews): ReturnedYear[] {
  return reviews.years
    .filter((y) => y.state === 'returned')
    .sort((a, b) => b.year - a.year)
    .map((y) => {
      const onYear = reviews.comments
        .filter((c) => c.year === y.year && c.indicator === null)
        .sort((a, b) => b.at.localeCompare(a.at));
      const decided = y.decidedAt === null ? null : Date.parse(y.decidedAt);
      const withReturn = onYear.find(
        (c) =>
          decided !== null &&
          Math.abs(Date.parse(c.at) - decided) < 5000 &&
          (y.decidedBy === null || c.author === y.decidedBy),
      );
      const reason =
        withReturn ??
        onYear.find((c) => y.decidedBy !== null && c.author === y.decidedBy) ??
        onYear[0] ??
        null;
      return {
        year: y.year,
        by: y.decidedBy,
        at: y.decidedAt,
        reason,
        valueComments: reviews.comments.filter((c) => c.year === y.year && c.indicator !== null)
          .length,
      };
    });
}

/** At the top of the workspace: which years came back, why, and where to answer. */
export function ReturnedNotice(props: {
  reviews: CityReviews;
  locale: string;
  onOpenReview: (year: number) => void;
}): ReactNode {
  const { t } = useTranslation();
  const years = returnedYears(props.reviews);
  if (years.length === 0) return null;
  return (
    <section
      className="returned-notice"
      aria-labelledby="returned-notice-heading"
      data-testid="returned-notice"
    >
      <h2 id="returned-notice-heading">
        {t('returned.heading', { count: years.length, years: years.map((y) => y.year).join(', ') })}
      </h2>
      {years.map((y) => (
        <div key={y.year} className="returned-notice__year">
          <p>
            {y.by !== null && y.at !== null
              ? t('returned.by', {
                  year: y.year,
                  who: y.by,
                  when: formatDateTime(y.at, props.locale),
                })
              : t('returned.plain', { year: y.year })}
          </p>
          {y.reason === null ? (
            <p className="muted">{t('returned.noReason')}</p>
          ) : (
            <blockquote className="returned-notice__reason">
              <p>{y.reason.body}</p>
            </blockquote>
          )}
          <p>
            {y.valueComments > 0 && <>{t('returned.valueComments', { count: y.valueComments })} </>}
            {t('returned.next', { year: y.year })}{' '}
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => props.onOpenReview(y.year)}
            >
              {t('returned.open', { year: y.year })}
            </button>
          </p>
        </div>
      ))}
    </section>
  );
}
