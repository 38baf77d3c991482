import { createBrowserRouter } from 'react-router';
import { Layout } from './layout';
import { RouteError } from './route-error';

/** Every page is its own chunk, so the first screen loads only what it shows. */
export function createRouter(): ReturnType<typeof createBrowserRouter> {
  return createBrowserRouter([
    {
      element: <Layout />,
      errorElement: <RouteError />,
      children: [
        {
          index: true,
          lazy: async () => ({ Component: (await import('./routes/home-page')).HomePage }),
        },
        {
          path: 'sdg',
          lazy: async () => ({
            Component: (await import('./routes/framework-page')).FrameworkPage,
          }),
        },
        {
          path: 'sdg/goals/:goal',
          lazy: async () => ({ Component: (await import('./routes/goal-page')).GoalPage }),
        },
        {
          path: 'sdg/indicators/:code',
          lazy: async () => ({
            Component: (await import('./routes/sdg-indicator-page')).SdgIndicatorPage,
          }),
        },
        {
          path: 'networks',
          lazy: async () => ({ Component: (await import('./routes/networks-page')).NetworksPage }),
        },
        {
          path: 'networks/:network',
          lazy: async () => ({ Component: (await import('./routes/network-page')).NetworkPage }),
        },
        {
          path: 'cities',
          lazy: async () => ({ Component: (await import('./routes/cities-page')).CitiesPage }),
        },
        {
          path: 'cities/:city',
          lazy: async () => ({ Component: (await import('./routes/city-page')).CityPage }),
        },
        {
          path: '*',
          lazy: async () => ({ Component: (await import('./routes/not-found-page')).NotFoundPage }),
        },
      ],
    },
  ]);
}
