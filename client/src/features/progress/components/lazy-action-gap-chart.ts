import { lazy } from 'react';

/** The action-gap chart, loaded with recharts only when it is shown. */
export const LazyActionGapChart = lazy(() => import('./action-gap-chart'));
