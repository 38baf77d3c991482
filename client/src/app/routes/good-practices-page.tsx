import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { LocalLink } from '../../components/ui/local-link';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/query-state';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { useGoodPractices } from '../../features/actions/api/actions-api';
import { GoodPracticeList } from '../../features/actions/components/good-practices';
import { parseTargets } from '../../features/actions/utils/action-plan';
import { useSession } from '../../features/auth/api/auth-api';
import { useNetwork, useNetworkScores } from '../../features/networks/api/networks-api';
import { useLanguage } from '../../lib/i18n/use-language';
import { useSearchParam } from '../../lib/url-state';

/**
 * A network's good-practice library: approved actions of member cities the
 * coordinators hold up, searchable by SDG target and indicator, each with its
 * city's trajectory before and after the action began. Filters live in the URL.
 */
export function GoodPracticesPage(): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const id = useId();
  const slug = useParams().network ?? '';
  const network = useNetwork(slug);
  const scores = useNetworkScores(slug, undefined, lang);
  const session = useSession();
  const [target, setTarget] = useSearchParam('target');
  const [indicator, setIndicator] = useSearchParam('indicator');
  const [targetText, setTargetText] = useState(target ?? '');
  const [targetError, setTargetError] = useState(false);
  const practices = useGoodPractices(
    slug,
    { target: target ?? undefined, indicator: indicator ?? undefined },
    lang,
  );
  useDocumentTitle(
    network.data === undefined
      ? undefined
      : t('actions.goodPractice.title', { network: network.data.name }),
  );
  const manages =
    session.data?.roles.some(
      (r) => r.role === 'admin' || (r.role === 'coordinator' && r.network?.slug === slug),
    ) ?? false;

  if (network.isPending) return <LoadingState lines={6} />;
  if (network.isError)
    return <ErrorState error={network.error} onRetry={() => void network.refetch()} />;
  const applyTarget = (event: FormEvent) => {
    event.preventDefault();
    const codes = parseTargets(targetText);
    if (codes === null || codes.length > 1) {
      setTargetError(true);
      return;
    }
    setTargetError(false);
    setTarget(codes[0]);
  };
  const list = practices.data?.goodPractices ?? [];
  return (
    <>
      <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
        <LocalLink to="/networks">{t('nav.networks')}</LocalLink> ›{' '}
        <LocalLink to={`/networks/${slug}`}>{network.data.name}</LocalLink>
      </nav>
      <h1>{t('actions.goodPractice.title', { network: network.data.name })}</h1>
      <p className="lead">{t('actions.goodPractice.lead')}</p>
      <form
        className="filter-bar"
        role="search"
        onSubmit={applyTarget}
        aria-label={t('actions.goodPractice.search')}
      >
        <div className="field">
          <label htmlFor={`${id}-target`}>{t('actions.goodPractice.target')}</label>
          <span id={`${id}-target-hint`} className="field__hint">
            {t('actions.goodPractice.targetHint')}
          </span>
          <input
            id={`${id}-target`}
            value={targetText}
            onChange={(e) => setTargetText(e.target.value)}
            aria-invalid={targetError}
            aria-describedby={`${id}-target-hint${targetError ? ` ${id}-target-error` : ''}`}
            size={8}
          />
          {targetError && (
            <span id={`${id}-target-error`} className="field__error" role="alert">
              {t('actions.goodPractice.badTarget')}
            </span>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-indicator`}>{t('actions.goodPractice.indicator')}</label>
          <select
            id={`${id}-indicator`}
            value={indicator ?? ''}
            onChange={(e) => setIndicator(e.target.value === '' ? undefined : e.target.value)}
          >
            <option value="">{t('actions.goodPractice.anyIndicator')}</option>
            {(scores.data?.indicators ?? []).map((i) => (
              <option key={i.slug} value={i.slug}>
                {i.name}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-bar__buttons">
          <button type="submit" className="button">
            {t('actions.goodPractice.apply')}
          </button>
          {(target !== null || indicator !== null) && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setTargetText('');
                setTarget(undefined);
                setIndicator(undefined);
              }}
            >
              {t('actions.goodPractice.clear')}
            </button>
          )}
        </div>
      </form>
      <p role="status" className="muted small" data-testid="good-practice-count">
        {practices.data === undefined
          ? ''
          : t('actions.goodPractice.count', { count: list.length })}
      </p>
      {practices.isPending ? (
        <LoadingState lines={4} />
      ) : practices.isError ? (
        <ErrorState error={practices.error} onRetry={() => void practices.refetch()} />
      ) : list.length === 0 ? (
        <EmptyState>{t('actions.goodPractice.empty')}</EmptyState>
      ) : (
        <GoodPracticeList
          practices={list}
          network={slug}
          networkName={network.data.name}
          canManage={manages}
        />
      )}
    </>
  );
}
