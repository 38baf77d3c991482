import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ui/query-state';
import { ApiError } from '../../../lib/api-client';
import { useLanguage } from '../../../lib/i18n/use-language';
import { useAnswerInvitation, useCityInvitations, type Invitation } from '../api/memberships-api';
import { dateLocale } from '../../../lib/format';
import { ErrorNotice } from '../../../components/ui/error-notice';

/** Refusals that mean "not for you": the section is simply not shown. */
const notForYou = (error: unknown): boolean =>
  error instanceof ApiError && [401, 403, 404].includes(error.status);

/**
 * In the officer workspace, for the city's editors: networks that invited
 * the city, each with Accept and Decline. Shows nothing when there is none
 * or the reader may not answer them.
 */
export function CityInvitations({
  city,
  cityName,
  enabled,
}: {
  city: string;
  cityName: string;
  enabled: boolean;
}): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const invitations = useCityInvitations(city, enabled);
  const answer = useAnswerInvitation(city);
  const heading = useRef<HTMLHeadingElement>(null);

  if (!enabled || invitations.isPending) return null;
  if (invitations.isError)
    return notForYou(invitations.error) ? null : (
      <ErrorState error={invitations.error} onRetry={() => void invitations.refetch()} />
    );
  const list = invitations.data.invitations;
  // Keep the section (and its message) after the last answer.
  if (list.length === 0 && answer.isIdle) return null;

  const day = new Intl.DateTimeFormat(dateLocale(lang), { dateStyle: 'medium' });

  const respond = (invitation: Invitation, choice: 'accept' | 'decline'): void => {
    if (
      choice === 'decline' &&
      !window.confirm(t('invitations.declineConfirm', { network: invitation.network.name }))
    )
      return;
    answer.mutate(
      { network: invitation.network, answer: choice },
      // The buttons disappear with the invitation: focus goes to the section's heading.
      { onSuccess: () => heading.current?.focus() },
    );
  };

  return (
    <section
      className="notice notice-warning"
      aria-labelledby="city-invitations-heading"
      data-testid="city-invitations"
    >
      <h2 id="city-invitations-heading" className="notice__title" tabIndex={-1} ref={heading}>
        {t('invitations.cityTitle')}
      </h2>
      {list.length > 0 && <p>{t('invitations.cityIntro', { city: cityName })}</p>}
      <p role="status">
        {answer.isSuccess
          ? answer.data.status === 'member'
            ? t('invitations.accepted', { city: cityName, network: answer.variables.network.name })
            : t('invitations.declined', { network: answer.variables.network.name })
          : ''}
      </p>
      <ErrorNotice error={answer.error} />
      {list.length > 0 && (
        <ul className="plain-list invitation-list">
          {list.map((invitation) => (
            <li key={invitation.network.slug}>
              <p>
                {t('invitations.cityInvitation', {
                  network: invitation.network.name,
                  city: cityName,
                  role:
                    invitation.role === 'lead_partner'
                      ? t('network.leadPartner')
                      : t('network.partner'),
                })}
                <br />
                <span className="muted small">
                  {t('invitations.invitedByOn', {
                    name: invitation.invitedBy,
                    date: day.format(new Date(invitation.invitedAt)),
                  })}
                </span>
              </p>
              <div className="actions">
                <button
                  type="button"
                  className="button button--small"
                  aria-label={t('invitations.acceptLabel', { network: invitation.network.name })}
                  disabled={answer.isPending}
                  onClick={() => respond(invitation, 'accept')}
                >
                  {t('invitations.accept')}
                </button>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  aria-label={t('invitations.declineLabel', { network: invitation.network.name })}
                  disabled={answer.isPending}
                  onClick={() => respond(invitation, 'decline')}
                >
                  {t('invitations.decline')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
