import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SdgTarget } from '@api/sdg.schema';
import { LocalLink } from '../../../components/ui/local-link';
import { TranslationNote } from './translation-note';

/** A goal's targets, each with its SDG indicators and the network indicators that measure it. */
export function TargetList({ targets }: { targets: readonly SdgTarget[] }): ReactNode {
  const { t } = useTranslation();
  return (
    <ol className="target-list">
      {targets.map((target) => (
        <li key={target.code} id={`target-${target.code}`} className="target-list__item">
          <h3>
            <span className="code">{t('sdg.target', { code: target.code })}</span>
          </h3>
          <p lang={target.titleLanguage}>
            {target.title} <TranslationNote titleLanguage={target.titleLanguage} />
          </p>
          {target.note !== null && <p className="muted">{target.note}</p>}
          {target.indicators.length === 0 ? (
            <p className="muted">{t('sdg.noIndicator')}</p>
          ) : (
            <ul className="indicator-list">
              {target.indicators.map((indicator) => (
                <li key={indicator.code}>
                  <LocalLink to={`/sdg/indicators/${indicator.code}`} className="code">
                    {indicator.code}
                  </LocalLink>{' '}
                  <span lang={indicator.titleLanguage}>{indicator.title}</span>{' '}
                  <TranslationNote
                    titleLanguage={indicator.titleLanguage}
                    outdated={indicator.translationOutdated}
                  />
                </li>
              ))}
            </ul>
          )}
          {target.linkedIndicators.length > 0 && (
            <div className="linked">
              <h4>{t('sdg.linkedHeading')}</h4>
              <ul>
                {target.linkedIndicators.map((linked) => (
                  <li key={`${linked.network}/${linked.slug}`}>
                    <LocalLink to={`/networks/${linked.network}/compare/${linked.slug}`}>
                      {linked.name}
                    </LocalLink>{' '}
                    <span className="muted">({linked.networkName})</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
