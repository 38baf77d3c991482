import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../../components/ui/copy-button';
import { FormField, SelectField } from '../../../components/ui/form-field';
import { QueryTable } from '../../../components/ui/query-table';
import { useLanguage } from '../../../lib/i18n/use-language';
import {
  tokenState,
  useApiTokens,
  useCreateApiToken,
  useRevokeApiToken,
  type ApiToken,
  type ApiTokenCreated,
} from '../api/account-api';
import { dateLocale } from '../../../lib/format';
import { ErrorNotice } from '../../../components/ui/error-notice';

/** Days until the token stops working, or never. */
type Expiry = '30' | '90' | '365' | 'never';

/** An example a script can start from: an import for "roles" tokens, a read for "read" ones. */
export function curlExample(token: string, access: ApiToken['access'], origin: string): string {
  return access === 'roles'
    ? `curl -H "Authorization: Bearer ${token}" --data-binary @values.csv -H "Content-Type: text/csv" ${origin}/api/v1/imports`
    : `curl -H "Authorization: Bearer ${token}" ${origin}/api/v1/networks`;
}

/** The new token, shown this once with a copy button and an example; focus moves to it. */
function NewToken({
  created,
  onDone,
}: {
  created: ApiTokenCreated;
  onDone: () => void;
}): ReactNode {
  const { t } = useTranslation();
  const tokenBox = useRef<HTMLPreElement>(null);
  useEffect(() => tokenBox.current?.focus(), []);
  const example = curlExample(created.token, created.apiToken.access, window.location.origin);
  return (
    <section className="notice notice-warning secret-box" aria-labelledby="new-token-title">
      <h3 id="new-token-title">
        {t('account.tokenCreatedTitle', { name: created.apiToken.name })}
      </h3>
      <p id="new-token-warning">
        <strong>{t('account.tokenOnce')}</strong> {t('account.tokenKeep')}
      </p>
      <pre
        className="secret"
        tabIndex={-1}
        ref={tokenBox}
        aria-describedby="new-token-warning"
        data-testid="new-token"
      >
        <code>{created.token}</code>
      </pre>
      <p>
        <CopyButton text={created.token} label={t('account.copyToken')} />
      </p>
      <p>
        {created.apiToken.access === 'roles'
          ? t('account.tokenExampleImport')
          : t('account.tokenExampleRead')}
      </p>
      <pre className="secret">
        <code>{example}</code>
      </pre>
      <div className="actions">
        <CopyButton text={example} label={t('account.copyExample')} />
        <button type="button" className="button button--small" onClick={onDone}>
          {t('account.tokenDone')}
        </button>
      </div>
    </section>
  );
}

/** API tokens on the account page: create one (shown once), see their use, revoke. */
export function ApiTokensPanel(): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const tokens = useApiTokens();
  const create = useCreateApiToken();
  const revoke = useRevokeApiToken();
  const [name, setName] = useState('');
  const [access, setAccess] = useState<ApiToken['access']>('read');
  const [expiry, setExpiry] = useState<Expiry>('90');
  const nameField = useRef<HTMLInputElement>(null);
  const tokenList = tokens.data?.tokens ?? [];

  const day = new Intl.DateTimeFormat(dateLocale(lang), { dateStyle: 'medium' });
  const moment = new Intl.DateTimeFormat(dateLocale(lang), {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  const now = new Date();

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    revoke.reset();
    create.mutate(
      {
        name: name.trim(),
        access,
        expiresInDays: expiry === 'never' ? null : Number(expiry),
      },
      { onSuccess: () => setName('') },
    );
  };

  const done = (): void => {
    create.reset();
    nameField.current?.focus();
  };

  const askRevoke = (token: ApiToken): void => {
    if (!window.confirm(t('account.revokeConfirm', { name: token.name }))) return;
    create.reset();
    revoke.mutate({ id: token.id, name: token.name });
  };

  const stateText = (token: ApiToken): string => {
    switch (tokenState(token, now)) {
      case 'revoked':
        return t('account.stateRevoked');
      case 'expired':
        return t('account.stateExpired');
      case 'active':
        return t('account.stateActive');
    }
  };

  return (
    <div className="api-tokens" data-testid="api-tokens">
      <p>{t('account.tokensIntro')}</p>
      {create.data !== undefined && <NewToken created={create.data} onDone={done} />}
      <p role="status">
        {revoke.isSuccess ? t('account.revoked', { name: revoke.variables.name }) : ''}
      </p>
      <ErrorNotice error={revoke.error} />

      <form onSubmit={submit} className="form" aria-labelledby="new-token-form-title">
        <h3 id="new-token-form-title">{t('account.newTokenTitle')}</h3>
        <FormField
          id="token-name"
          ref={nameField}
          label={t('account.tokenName')}
          hint={t('account.tokenNameHint')}
          required
          maxLength={100}
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <fieldset className="segmented segmented--stacked">
          <legend>{t('account.tokenAccess')}</legend>
          <label>
            <input
              type="radio"
              name="token-access"
              value="read"
              checked={access === 'read'}
              onChange={() => setAccess('read')}
            />
            {t('account.accessRead')}
          </label>
          <label>
            <input
              type="radio"
              name="token-access"
              value="roles"
              checked={access === 'roles'}
              onChange={() => setAccess('roles')}
            />
            {t('account.accessRoles')}
          </label>
        </fieldset>
        <SelectField
          id="token-expiry"
          label={t('account.tokenExpiry')}
          value={expiry}
          onChange={(e) => setExpiry(e.target.value as Expiry)}
        >
          <option value="30">{t('account.expiryMonth')}</option>
          <option value="90">{t('account.expiryQuarter')}</option>
          <option value="365">{t('account.expiryYear')}</option>
          <option value="never">{t('account.expiryNever')}</option>
        </SelectField>
        <ErrorNotice error={create.error} />
        <button type="submit" className="button" disabled={create.isPending}>
          {t('account.createToken')}
        </button>
      </form>

      <h3 id="token-list-title">{t('account.tokensTable')}</h3>
      <QueryTable
        query={tokens}
        isEmpty={tokenList.length === 0}
        empty={t('account.tokensEmpty')}
        label={t('account.tokensTable')}
        labelledBy="token-list-title"
        className="table table--compact table--data"
        columns={[
          t('account.colName'),
          t('account.colAccess'),
          t('account.colUse'),
          t('account.colState'),
        ]}
      >
        {tokenList.map((token) => {
          const state = tokenState(token, now);
          return (
            <tr key={token.id} data-testid="api-token-row">
              <th scope="row">
                {token.name}
                <br />
                <code className="muted">{token.prefix}…</code>
              </th>
              <td>
                {token.access === 'roles'
                  ? t('account.accessRolesShort')
                  : t('account.accessReadShort')}
              </td>
              <td>
                {t('account.createdOn', { date: day.format(new Date(token.createdAt)) })}
                <br />
                {token.lastUsedAt === null
                  ? t('account.neverUsed')
                  : t('account.lastUsed', {
                      date: moment.format(new Date(token.lastUsedAt)),
                    })}
              </td>
              <td>
                <strong>{stateText(token)}</strong>
                {state === 'active' && (
                  <>
                    <br />
                    {token.expiresAt === null
                      ? t('account.neverExpires')
                      : t('account.expiresOn', {
                          date: day.format(new Date(token.expiresAt)),
                        })}
                  </>
                )}
              </td>
              <td>
                {state === 'active' && (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-label={t('account.revokeLabel', { name: token.name })}
                    disabled={revoke.isPending}
                    onClick={() => askRevoke(token)}
                  >
                    {t('account.revoke')}
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </QueryTable>
    </div>
  );
}
