import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryTable } from '../../../components/ui/query-table';
import { useLanguage } from '../../../lib/i18n/use-language';
import { useCities } from '../../cities/api/cities-api';
import {
  useInviteCity,
  useNetworkInvitations,
  useWithdrawInvitation,
  type Invitation,
  type MemberRole,
} from '../api/memberships-api';
import { dateLocale } from '../../../lib/format';
import { ErrorNotice } from '../../../components/ui/error-notice';
import { SelectField } from '../../../components/ui/form-field';

/**
 * For the network's coordinators: invite a city (it joins when one of its
 * editors accepts) and see or withdraw the invitations still unanswered.
 */
export function NetworkInvitations({
  network,
  memberSlugs,
}: {
  network: string;
  memberSlugs: readonly string[];
}): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const invitations = useNetworkInvitations(network, true);
  const cities = useCities();
  const invite = useInviteCity(network);
  const withdraw = useWithdrawInvitation(network);
  const [city, setCity] = useState('');
  const [role, setRole] = useState<MemberRole>('partner');

  const pending = useMemo(() => invitations.data?.invitations ?? [], [invitations.data]);
  const candidates = useMemo(() => {
    const taken = new Set([...memberSlugs, ...pending.map((i) => i.city.slug)]);
    return (cities.data?.cities ?? [])
      .filter((c) => !taken.has(c.slug))
      .sort((a, b) => a.name.localeCompare(b.name, lang));
  }, [cities.data, memberSlugs, pending, lang]);
  const cityName = (slug: string): string =>
    cities.data?.cities.find((c) => c.slug === slug)?.name ?? slug;
  const day = new Intl.DateTimeFormat(dateLocale(lang), { dateStyle: 'medium' });
  const roleWord = (r: MemberRole): string =>
    r === 'lead_partner' ? t('network.leadPartner') : t('network.partner');

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    withdraw.reset();
    invite.mutate({ city, role }, { onSuccess: () => setCity('') });
  };

  const askWithdraw = (invitation: Invitation): void => {
    if (!window.confirm(t('invitations.withdrawConfirm', { city: invitation.city.name }))) return;
    invite.reset();
    withdraw.mutate(invitation.city.slug);
  };

  const message = invite.isSuccess
    ? invite.data.status === 'invited'
      ? t('invitations.sent', { city: cityName(invite.data.city) })
      : t('invitations.added', { city: cityName(invite.data.city) })
    : withdraw.isSuccess
      ? t('invitations.withdrawn', { city: cityName(withdraw.variables) })
      : '';
  const failure = invite.error ?? withdraw.error;

  return (
    <section aria-labelledby="invite-heading" data-testid="network-invitations">
      <h2 id="invite-heading">{t('invitations.inviteTitle')}</h2>
      <p className="muted small">{t('invitations.inviteIntro')}</p>
      <form onSubmit={submit} className="form toolbar" aria-labelledby="invite-heading">
        <SelectField
          id="invite-city"
          label={t('invitations.city')}
          required
          value={city}
          onChange={(e) => setCity(e.target.value)}
        >
          <option value="">{t('invitations.chooseCity')}</option>
          {candidates.map((c) => (
            <option key={c.slug} value={c.slug}>
              {c.name} ({c.countryCode})
            </option>
          ))}
        </SelectField>
        <SelectField
          id="invite-role"
          label={t('invitations.role')}
          value={role}
          onChange={(e) => setRole(e.target.value as MemberRole)}
        >
          <option value="partner">{t('network.partner')}</option>
          <option value="lead_partner">{t('network.leadPartner')}</option>
        </SelectField>
        <div className="field">
          <button type="submit" className="button" disabled={invite.isPending}>
            {t('invitations.send')}
          </button>
        </div>
      </form>
      <p role="status">{message}</p>
      <ErrorNotice error={failure} />

      <h3 id="pending-invitations-heading">{t('invitations.pendingTitle')}</h3>
      <QueryTable
        query={invitations}
        isEmpty={pending.length === 0}
        empty={t('invitations.none')}
        label={t('invitations.pendingTitle')}
        labelledBy="pending-invitations-heading"
        className="table table--data"
        columns={[t('invitations.city'), t('invitations.role'), t('invitations.invited')]}
      >
        {pending.map((invitation) => (
          <tr key={invitation.city.slug}>
            <th scope="row">{invitation.city.name}</th>
            <td>{roleWord(invitation.role)}</td>
            <td>
              {t('invitations.invitedByOn', {
                name: invitation.invitedBy,
                date: day.format(new Date(invitation.invitedAt)),
              })}
            </td>
            <td>
              <button
                type="button"
                className="button button--secondary button--small"
                aria-label={t('invitations.withdrawLabel', { city: invitation.city.name })}
                disabled={withdraw.isPending}
                onClick={() => askWithdraw(invitation)}
              >
                {t('invitations.withdraw')}
              </button>
            </td>
          </tr>
        ))}
      </QueryTable>
    </section>
  );
}
