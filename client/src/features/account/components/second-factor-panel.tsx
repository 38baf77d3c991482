import { useEffect, useRef, useState, type FormEvent, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../../components/ui/copy-button';
import { FormField } from '../../../components/ui/form-field';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { ApiError } from '../../../lib/api-client';
import { useLanguage } from '../../../lib/i18n/use-language';
import { roleNames } from '../../auth/utils/auth-text';
import {
  useBeginSecondFactor,
  useConfirmSecondFactor,
  useDisableSecondFactor,
  useRegenerateRecoveryCodes,
  useSecondFactorStatus,
} from '../api/account-api';
import { RecoveryCodesBox } from './recovery-codes';
import { ErrorNotice } from '../../../components/ui/error-notice';

/** True when the server's validation error names `path` (e.g. "/password"). */
function errorOn(error: unknown, path: string): boolean {
  return (
    error instanceof ApiError &&
    Array.isArray(error.details) &&
    error.details.some((d: unknown) => (d as { path?: unknown } | null)?.path === path)
  );
}

/** The secret in groups of four, easier to read and type ("ABCD EFGH …"). */
const grouped = (secret: string): string => secret.replace(/(.{4})(?=.)/g, '$1 ');

/** Focus and select a field's content, so the next code replaces the wrong one. */
const refocus = (input: HTMLInputElement | null): void => {
  input?.focus();
  input?.select();
};

/** The code from the authenticator app, with the failed step's message under it. */
function AppCodeField({
  id,
  ref,
  value,
  onChange,
  error,
}: {
  id: string;
  ref: Ref<HTMLInputElement>;
  value: string;
  onChange: (value: string) => void;
  error: Error | null;
}): ReactNode {
  const { t } = useTranslation();
  return (
    <FormField
      id={id}
      ref={ref}
      label={t('auth.appCode')}
      autoComplete="one-time-code"
      inputMode="numeric"
      required
      maxLength={40}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error?.message}
    />
  );
}

/**
 * Two-factor authentication on the account page: set it up (QR code or key,
 * then a first code), see the recovery codes once, make new ones, turn it off.
 */
export function SecondFactorPanel({ email }: { email: string }): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const status = useSecondFactorStatus();
  const begin = useBeginSecondFactor();
  const confirm = useConfirmSecondFactor();
  const regenerate = useRegenerateRecoveryCodes();
  const disable = useDisableSecondFactor();
  const [setupCode, setSetupCode] = useState('');
  const [codesCode, setCodesCode] = useState('');
  const [offPassword, setOffPassword] = useState('');
  const [offCode, setOffCode] = useState('');
  const setupHeading = useRef<HTMLHeadingElement>(null);
  const setupCodeField = useRef<HTMLInputElement>(null);
  const codesCodeField = useRef<HTMLInputElement>(null);
  const offPasswordField = useRef<HTMLInputElement>(null);
  const offCodeField = useRef<HTMLInputElement>(null);
  const offStatus = useRef<HTMLParagraphElement>(null);
  const setup = begin.data;

  useEffect(() => {
    if (setup !== undefined) setupHeading.current?.focus();
  }, [setup]);

  if (status.isPending) return <LoadingState lines={2} />;
  if (status.isError)
    return <ErrorState error={status.error} onRetry={() => void status.refetch()} />;
  const { enabled, requiredFor, heldBack, recoveryCodesLeft } = status.data;
  const codes = confirm.data?.recoveryCodes ?? regenerate.data?.recoveryCodes;

  const start = (): void => {
    disable.reset();
    confirm.reset();
    setSetupCode('');
    begin.mutate();
  };

  const submitSetup = (event: FormEvent): void => {
    event.preventDefault();
    confirm.mutate(setupCode.trim(), {
      onSuccess: () => {
        begin.reset();
        setSetupCode('');
      },
      onError: () => refocus(setupCodeField.current),
    });
  };

  const submitCodes = (event: FormEvent): void => {
    event.preventDefault();
    regenerate.mutate(codesCode.trim(), {
      onSuccess: () => setCodesCode(''),
      onError: () => refocus(codesCodeField.current),
    });
  };

  const submitOff = (event: FormEvent): void => {
    event.preventDefault();
    disable.mutate(
      { password: offPassword, code: offCode.trim() },
      {
        onSuccess: () => {
          setOffPassword('');
          setOffCode('');
          regenerate.reset();
          offStatus.current?.focus();
        },
        onError: (error) =>
          errorOn(error, '/password')
            ? refocus(offPasswordField.current)
            : refocus(offCodeField.current),
      },
    );
  };

  const doneWithCodes = (): void => {
    confirm.reset();
    regenerate.reset();
  };

  return (
    <div className="second-factor" data-testid="second-factor">
      <p>{t('account.secondFactorIntro')}</p>
      <p className="state-line">
        <strong>{enabled ? t('account.secondFactorOn') : t('account.secondFactorOff')}</strong>
        {enabled && <> {t('account.codesLeft', { count: recoveryCodesLeft })}</>}
      </p>
      {requiredFor.length > 0 && (
        <p>{t('account.requiredFor', { roles: roleNames(t, requiredFor, lang) })}</p>
      )}
      {heldBack.length > 0 && (
        <p className="notice notice-warning">
          {t('account.heldBack', {
            count: heldBack.length,
            roles: roleNames(t, heldBack, lang),
          })}
        </p>
      )}
      <p role="status" tabIndex={-1} ref={offStatus}>
        {confirm.isSuccess
          ? t('account.turnedOn')
          : regenerate.isSuccess
            ? t('account.newCodesMade')
            : disable.isSuccess
              ? t('account.turnedOff')
              : ''}
      </p>

      {codes !== undefined && (
        <RecoveryCodesBox codes={codes} email={email} onDone={doneWithCodes} />
      )}

      {!enabled && setup === undefined && (
        <>
          <ErrorNotice error={begin.error} />
          <button type="button" className="button" disabled={begin.isPending} onClick={start}>
            {t('account.setUp')}
          </button>
        </>
      )}

      {!enabled && setup !== undefined && (
        <section aria-labelledby="setup-title" className="setup">
          <h3 id="setup-title" tabIndex={-1} ref={setupHeading}>
            {t('account.setupTitle')}
          </h3>
          <p>{t('account.setupScan')}</p>
          <img
            className="qr"
            src={`data:image/svg+xml;utf8,${encodeURIComponent(setup.qrSvg)}`}
            alt={t('account.qrAlt')}
            width={200}
            height={200}
          />
          <p>{t('account.setupKey')}</p>
          <p>
            <code className="secret secret--inline">{grouped(setup.secret)}</code>{' '}
            <CopyButton text={setup.secret} label={t('account.copyKey')} />
          </p>
          <form onSubmit={submitSetup} className="form" aria-labelledby="setup-confirm-label">
            <p id="setup-confirm-label">{t('account.setupConfirm')}</p>
            <AppCodeField
              id="setup-code"
              ref={setupCodeField}
              value={setupCode}
              onChange={setSetupCode}
              error={confirm.error}
            />
            <div className="actions">
              <button type="submit" className="button" disabled={confirm.isPending}>
                {t('account.turnOn')}
              </button>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  begin.reset();
                  confirm.reset();
                }}
              >
                {t('account.cancel')}
              </button>
            </div>
          </form>
        </section>
      )}

      {enabled && codes === undefined && (
        <>
          {recoveryCodesLeft <= 3 && (
            <p className="notice notice-warning">{t('account.codesLow')}</p>
          )}
          <form onSubmit={submitCodes} className="form" aria-labelledby="new-codes-title">
            <h3 id="new-codes-title">{t('account.newCodesTitle')}</h3>
            <p>{t('account.newCodesIntro')}</p>
            <AppCodeField
              id="new-codes-code"
              ref={codesCodeField}
              value={codesCode}
              onChange={setCodesCode}
              error={regenerate.error}
            />
            <button type="submit" className="button" disabled={regenerate.isPending}>
              {t('account.makeNewCodes')}
            </button>
          </form>
        </>
      )}

      {enabled && (
        <form onSubmit={submitOff} className="form" aria-labelledby="turn-off-title">
          <h3 id="turn-off-title">{t('account.turnOffTitle')}</h3>
          <p>{t('account.turnOffIntro')}</p>
          {requiredFor.length > 0 && (
            <p className="notice notice-warning">
              {t('account.turnOffWarning', { roles: roleNames(t, requiredFor, lang) })}
            </p>
          )}
          <input
            type="text"
            name="username"
            autoComplete="username"
            value={email}
            readOnly
            hidden
          />
          <FormField
            id="turn-off-password"
            ref={offPasswordField}
            label={t('auth.password')}
            type="password"
            autoComplete="current-password"
            required
            value={offPassword}
            onChange={(e) => setOffPassword(e.target.value)}
            error={
              disable.isError && errorOn(disable.error, '/password')
                ? disable.error.message
                : undefined
            }
          />
          <FormField
            id="turn-off-code"
            ref={offCodeField}
            label={t('account.codeOrRecovery')}
            autoComplete="one-time-code"
            required
            maxLength={40}
            value={offCode}
            onChange={(e) => setOffCode(e.target.value)}
            error={
              disable.isError && !errorOn(disable.error, '/password')
                ? disable.error.message
                : undefined
            }
          />
          <button type="submit" className="button button--secondary" disabled={disable.isPending}>
            {t('account.turnOff')}
          </button>
        </form>
      )}
    </div>
  );
}
