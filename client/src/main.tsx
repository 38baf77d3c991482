import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { createRouter } from './app/router';
import { initI18n } from './lib/i18n/i18n';
import { initialLanguage, STORAGE_KEY } from './lib/i18n/languages';
import { createQueryClient } from './lib/query-client';
import './styles/app.css';
import './styles/actions.css';
import './styles/review.css';
import './styles/maps.css';
import './styles/daily-use.css';
import './styles/large-network.css';
import './styles/numbers.css';
import './styles/home.css';
import './styles/controls.css';
import './styles/downloads.css';
import './styles/notifications.css';

function storedLanguage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

async function start(): Promise<void> {
  const language = initialLanguage(window.location.search, storedLanguage(), navigator.languages);
  document.documentElement.lang = language;
  const i18n = await initI18n(language);
  const root = document.getElementById('root');
  if (root === null) throw new Error('#root is missing from index.html');
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={createQueryClient()}>
          <RouterProvider router={createRouter()} />
        </QueryClientProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}

void start();
