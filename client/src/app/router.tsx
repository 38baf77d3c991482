import { createBrowserRouter } from 'react-router';
import { Layout } from './layout';
import { LoadingState } from '../components/ui/query-state';
import { RouteError } from './route-error';

/** Every page is its own chunk, so the first screen loads only what it shows. */
export function createRouter(): ReturnType<typeof createBrowserRouter> {
  return createBrowserRouter([
    {
      element: <Layout />,
      errorElement: <RouteError />,
      hydrateFallbackElement: <LoadingState lines={6} />,
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
          path: 'networks/:network/good-practices',
          lazy: async () => ({
            Component: (await import('./routes/good-practices-page')).GoodPracticesPage,
          }),
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
          path: 'networks/:network/compare/:indicator',
          lazy: async () => ({ Component: (await import('./routes/compare-page')).ComparePage }),
        },
        {
          path: 'cities/:city/workspace',
          lazy: async () => ({
            Component: (await import('./routes/workspace-page')).WorkspacePage,
          }),
        },
        {
          path: 'networks/:network/review',
          lazy: async () => ({
            Component: (await import('./routes/review-queue-page')).ReviewQueuePage,
          }),
        },
        {
          path: 'cities/:city/brief',
          lazy: async () => ({
            Component: (await import('./routes/city-brief-page')).CityBriefPage,
          }),
        },
        {
          path: 'cities/:city/goals/:goal',
          lazy: async () => ({ Component: (await import('./routes/city-goal-page')).CityGoalPage }),
        },
        {
          path: 'cities/:city/indicators/:indicator',
          lazy: async () => ({
            Component: (await import('./routes/city-indicator-page')).CityIndicatorPage,
          }),
        },
        {
          path: 'methodology',
          lazy: async () => ({
            Component: (await import('./routes/methodology-page')).MethodologyPage,
          }),
        },
        {
          path: 'sign-in',
          lazy: async () => ({ Component: (await import('./routes/sign-in-page')).SignInPage }),
        },
        {
          path: 'account',
          lazy: async () => ({ Component: (await import('./routes/account-page')).AccountPage }),
        },
        {
          path: 'notifications',
          lazy: async () => ({
            Component: (await import('./routes/notifications-page')).NotificationsPage,
          }),
        },
        {
          path: 'welcome',
          lazy: async () => ({ Component: (await import('./routes/welcome-page')).WelcomePage }),
        },
        {
          path: 'admin/users',
          lazy: async () => ({ Component: (await import('./routes/users-page')).UsersPage }),
        },
        {
          path: '*',
          lazy: async () => ({ Component: (await import('./routes/not-found-page')).NotFoundPage }),
        },
      ],
    },
  ]);
}
