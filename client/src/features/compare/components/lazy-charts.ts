import { lazy } from 'react';

// recharts is only downloaded when a chart is on screen: these wrappers keep it
// out of the first page's JavaScript.
export const LazyCompareBarChart = lazy(() =>
  import('./compare-charts').then((m) => ({ default: m.CompareBarChart })),
);
export const LazyTrajectoriesChart = lazy(() =>
  import('./compare-charts').then((m) => ({ default: m.TrajectoriesChart })),
);
