import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/query-state';
import { LocalLink } from '../../components/ui/local-link';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { useSdgIndicator } from '../../features/sdg/api/sdg-api';
import { TranslationNote } from '../../features/sdg/components/translation-note';
import { useLanguage } from '../../lib/i18n/use-language';

/** One UN SDG indicator, its place in the framework and the network indicators that measure it. */
export function SdgIndicatorPage(): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const code = useParams().code ?? '';
  const query = useSdgIndicator(code, lang);
  useDocumentTitle(t('sdg.indicator', { code }));

  if (query.isPending) return <LoadingState lines={5} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const { goal, target, indicator, linkedIndicators } = query.data;
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <LocalLink to="/sdg">{t('nav.framework')}</LocalLink> ›{' '}
        <LocalLink to={`/sdg/goals/${goal.goal}`}>{t('sdg.goal', { goal: goal.goal })}</LocalLink> ›{' '}
        <LocalLink to={`/sdg/goals/${goal.goal}#target-${target.code}`}>
          {t('sdg.target', { code: target.code })}
        </LocalLink>
      </nav>
      <h1>{t('sdg.indicator', { code: indicator.code })}</h1>
      <p className="lead" lang={indicator.titleLanguage}>
        {indicator.title}
      </p>
      <TranslationNote
        titleLanguage={indicator.titleLanguage}
        outdated={indicator.translationOutdated}
      />
      <dl className="facts">
        <dt>{t('sdg.target', { code: target.code })}</dt>
        <dd lang={target.titleLanguage}>{target.title}</dd>
        {indicator.repeatedWith.length > 0 && (
          <>
            <dt>{t('sdg.alsoListedAs')}</dt>
            <dd>
              {indicator.repeatedWith.map((c, i) => (
                <span key={c}>
                  {i > 0 && ', '}
                  <LocalLink to={`/sdg/indicators/${c}`}>{c}</LocalLink>
                </span>
              ))}
            </dd>
          </>
        )}
        {indicator.unsdCode !== null && (
          <>
            <dt>{t('sdg.unsdCode')}</dt>
            <dd className="code">{indicator.unsdCode}</dd>
          </>
        )}
      </dl>
      <h2>{t('sdg.linkedHeading')}</h2>
      {linkedIndicators.length === 0 ? (
        <EmptyState>{t('sdg.linkedNone')}</EmptyState>
      ) : (
        <ul>
          {linkedIndicators.map((l) => (
            <li key={`${l.network}/${l.slug}`}>
              {l.name} ({l.unit}) —{' '}
              <LocalLink to={`/networks/${l.network}`}>{l.networkName}</LocalLink>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
