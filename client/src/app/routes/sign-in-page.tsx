import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { FormField } from '../../components/ui/form-field';
import { useSignIn, useSignInSecondFactor } from '../../features/auth/api/auth-api';
import { afterSignIn } from '../../features/auth/utils/auth-text';
import { withLanguage } from '../../components/ui/local-link';
import { useLanguage } from '../../lib/i18n/use-language';
import type { Session } from '../../features/auth/api/auth-api';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { ApiError } from '../../lib/api-client';
import { ErrorNotice } from '../../components/ui/error-notice';

/**
 * Sign-in in one or two steps: email and password, then (when the account
 * has a second factor) the code from the authenticator app or a recovery
 * code. An expired second step starts again at the password.
 */
export function SignInPage(): ReactNode {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.signInTitle'));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const signIn = useSignIn();
  const secondFactor = useSignInSecondFactor();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [recovery, setRecovery] = useState(false);
  const passwordField = useRef<HTMLInputElement>(null);
  const codeField = useRef<HTMLInputElement>(null);
  const wasInSecondStep = useRef(false);

  const challenge = signIn.data?.secondFactorChallenge ?? null;
  const expired = secondFactor.error instanceof ApiError && secondFactor.error.status === 401;

  // Focus follows the step: the code field in step 2, the password when sent back to step 1.
  useEffect(() => {
    if (challenge !== null) {
      wasInSecondStep.current = true;
      codeField.current?.focus();
    } else if (wasInSecondStep.current) {
      wasInSecondStep.current = false;
      passwordField.current?.focus();
    }
  }, [challenge]);

  const lang = useLanguage();
  // Back to the page asked for; otherwise editors to their workspace, coordinators to their queue.
  const done = (session: Session): void => {
    const target = afterSignIn(params.get('next'), session.roles);
    void navigate(target === params.get('next') ? target : withLanguage(target, lang), {
      replace: true,
    });
  };

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    secondFactor.reset();
    signIn.mutate(
      { email, password },
      {
        onSuccess: (session) => {
          if (session.secondFactorChallenge === null) {
            done(session);
            return;
          }
          setPassword('');
          setCode('');
          setRecovery(false);
        },
      },
    );
  };

  const startAgain = (): void => {
    setCode('');
    secondFactor.reset();
    signIn.reset();
  };

  const submitCode = (event: FormEvent): void => {
    event.preventDefault();
    if (challenge === null) return;
    secondFactor.mutate(
      { challenge, code: code.trim() },
      {
        onSuccess: done,
        onError: (error) => {
          if (error instanceof ApiError && error.status === 401) {
            // The challenge is spent: back to the password, with the reason.
            setCode('');
            signIn.reset();
            return;
          }
          codeField.current?.focus();
          codeField.current?.select();
        },
      },
    );
  };

  const toggleRecovery = (): void => {
    setRecovery((r) => !r);
    codeField.current?.focus();
  };

  return (
    <div className="narrow">
      <h1>{t('auth.signInTitle')}</h1>
      {challenge === null ? (
        <>
          <p>{t('auth.signInIntro')}</p>
          <form onSubmit={submit} noValidate={false} className="form">
            <FormField
              id="sign-in-email"
              label={t('auth.email')}
              type="email"
              name="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
            <FormField
              id="sign-in-password"
              ref={passwordField}
              label={t('auth.password')}
              type="password"
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
            <ErrorNotice error={signIn.error} />
            {expired && !signIn.isError && (
              <p className="notice notice--error" role="alert">
                {t('auth.challengeExpired')}
              </p>
            )}
            <button type="submit" className="button" disabled={signIn.isPending}>
              {signIn.isPending ? t('auth.signingIn') : t('auth.signIn')}
            </button>
          </form>
          <p className="muted">{t('auth.demoNote')}</p>
        </>
      ) : (
        <form onSubmit={submitCode} className="form" aria-labelledby="second-step-title">
          <h2 id="second-step-title">{t('auth.secondStepTitle')}</h2>
          <p>{t('auth.secondStepIntro')}</p>
          <FormField
            id="sign-in-code"
            ref={codeField}
            label={recovery ? t('auth.recoveryCode') : t('auth.appCode')}
            hint={recovery ? t('auth.recoveryCodeHint') : t('auth.appCodeHint')}
            name="code"
            autoComplete={recovery ? 'off' : 'one-time-code'}
            inputMode={recovery ? 'text' : 'numeric'}
            autoCapitalize="off"
            spellCheck={false}
            required
            maxLength={40}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={secondFactor.isError && !expired ? secondFactor.error.message : undefined}
          />
          <p>
            <button type="button" className="link-button" onClick={toggleRecovery}>
              {recovery ? t('auth.useAppCode') : t('auth.useRecoveryCode')}
            </button>
          </p>
          <div className="actions">
            <button type="submit" className="button" disabled={secondFactor.isPending}>
              {secondFactor.isPending ? t('auth.verifyingCode') : t('auth.verifyCode')}
            </button>
            <button type="button" className="button button--secondary" onClick={startAgain}>
              {t('auth.startAgain')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
