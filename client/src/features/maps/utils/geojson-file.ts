/**
 * What the upload form reads from a GeoJSON file before sending it: the
 * properties of its first feature (to choose the code and name from) and a
 * likely guess of each. The server does the real checking.
 */
export interface GeoJsonFileInfo {
  featureCount: number;
  properties: string[];
  /** Example values of the first feature, to show next to the choices. */
  examples: Record<string, string>;
  codeGuess: string | null;
  nameGuess: string | null;
}

export type GeoJsonFileResult =
  | { ok: true; info: GeoJsonFileInfo }
  | { ok: false; reason: 'not_json' | 'not_collection' | 'no_properties' };

export function readGeoJsonFile(text: string): GeoJsonFileResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not_json' };
  }
  if (
    parsed === null ||
    typeof parsed !== 'object' ||
    (parsed as { type?: unknown }).type !== 'FeatureCollection' ||
    !Array.isArray((parsed as { features?: unknown }).features)
  )
    return { ok: false, reason: 'not_collection' };
  const features = (parsed as { features: unknown[] }).features;
  const first = features[0] as { properties?: unknown } | undefined;
  const props =
    first?.properties !== null && typeof first?.properties === 'object'
      ? (first.properties as Record<string, unknown>)
      : {};
  const properties = Object.keys(props);
  if (properties.length === 0) return { ok: false, reason: 'no_properties' };
  const examples = Object.fromEntries(
    properties.map((p) => [p, props[p] === null ? '' : String(props[p]).slice(0, 40)]),
  );
  // Row numbers (OBJECTID, FID) are never district codes; "kod" is code in several languages.
  const candidates = properties.filter((p) => !/^(objectid|fid|id|gid|ogc_fid)$/i.test(p));
  const codeGuess =
    candidates.find((p) => /geocode/i.test(p)) ??
    candidates.find((p) => /(code|kod|cd)$/i.test(p)) ??
    candidates.find((p) => /code|kod|_id$/i.test(p)) ??
    null;
  const nameGuess = properties.find((p) => /name|nm$/i.test(p)) ?? null;
  return {
    ok: true,
    info: { featureCount: features.length, properties, examples, codeGuess, nameGuess },
  };
}
