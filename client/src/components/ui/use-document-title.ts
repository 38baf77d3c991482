import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the browser tab title to "<page> · SDG City Monitor". */
export function useDocumentTitle(title: string | undefined): void {
  const { t } = useTranslation();
  const appName = t('app.name');
  useEffect(() => {
    document.title = title === undefined || title === '' ? appName : `${title} \u00b7 ${appName}`;
  }, [title, appName]);
}
