import { lazy } from 'react';

// d3-geo, topojson-client and the country outlines are only downloaded when a
// map is on screen: these wrappers keep them out of the first page's JavaScript.
export const LazyNetworkMap = lazy(() =>
  import('./network-map').then((m) => ({ default: m.NetworkMap })),
);
export const LazyDistrictMap = lazy(() =>
  import('./district-map').then((m) => ({ default: m.DistrictMap })),
);
