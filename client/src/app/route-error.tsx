import type { ReactNode } from 'react';
import { useRouteError } from 'react-router';

/**
 * Last-resort error screen for a route that failed to load (e.g. a chunk
 * missing after a deployment). Plain English on purpose: i18n may be what failed.
 */
export function RouteError(): ReactNode {
  const error = useRouteError();
  const message = error instanceof Error ? error.message : 'Unknown error';
  return (
    <main id="main" className="site-main">
      <div className="notice notice--error" role="alert">
        <h1>This page could not be shown</h1>
        <p>{message}</p>
        <p>
          <a href="/">Back to the home page</a> or{' '}
          <button type="button" className="button" onClick={() => window.location.reload()}>
            reload
          </button>
        </p>
      </div>
    </main>
  );
}
