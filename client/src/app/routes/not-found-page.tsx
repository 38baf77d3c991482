import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LocalLink } from '../../components/ui/local-link';
import { useDocumentTitle } from '../../components/ui/use-document-title';

export function NotFoundPage(): ReactNode {
  const { t } = useTranslation();
  useDocumentTitle(t('state.notFoundTitle'));
  return (
    <>
      <h1>{t('state.notFoundTitle')}</h1>
      <p>{t('state.pageNotFound')}</p>
      <p>
        <LocalLink to="/">{t('state.backHome')}</LocalLink>
      </p>
    </>
  );
}
