/*
 * A chart on screen as a standalone picture: the recharts SVG with its
 * computed styles written onto every element (the page's stylesheet does not
 * travel with the file), its HTML legend drawn into the SVG where it stood,
 * a title above and a source line below, on white. PNG through a canvas.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The computed properties a standalone SVG needs to look as it did on the page. */
const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'visibility',
] as const;

/** Parts of the SVG that belong to the pointer, not to the picture. */
const TRANSIENT = '.recharts-tooltip-cursor, .recharts-active-dot';

export interface ChartPicture {
  /** The SVG file's text. */
  svg: string;
  width: number;
  height: number;
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/**
 * Splits text into lines no wider than `max` (as `measure` says) at spaces; a
 * word wider than a line (an address) is broken between characters.
 */
export function wrapText(
  text: string,
  max: number,
  measure: (text: string) => number = (t) => t.length,
): string[] {
  const lines: string[] = [];
  let line = '';
  const push = (word: string): void => {
    if (line === '') line = word;
    else if (measure(`${line} ${word}`) <= max) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  };
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (measure(word) <= max) {
      push(word);
      continue;
    }
    let piece = '';
    for (const char of word) {
      if (piece !== '' && measure(piece + char) > max) {
        push(piece);
        piece = '';
      }
      piece += char;
    }
    push(piece);
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Measures text in the given CSS font (a canvas); an estimate where there is no canvas. */
function measurer(font: string, size: number): (text: string) => number {
  const context = document.createElement('canvas').getContext('2d');
  if (context === null) return (text) => text.length * size * 0.6;
  context.font = font;
  return (text) => context.measureText(text).width;
}

/** Writes the computed style of each element of `original` onto its twin in `copy`. */
function inlineStyles(original: Element, copy: Element): void {
  const sources = [original, ...original.querySelectorAll('*')];
  const targets = [copy, ...copy.querySelectorAll('*')];
  sources.forEach((source, i) => {
    const target = targets[i];
    if (target === undefined) return;
    const computed = getComputedStyle(source);
    const declarations = STYLE_PROPERTIES.map((p) => {
      const value = computed.getPropertyValue(p);
      return value === '' ? '' : `${p}:${value}`;
    }).filter((d) => d !== '');
    if (computed.getPropertyValue('display') === 'none') declarations.push('display:none');
    target.setAttribute('style', declarations.join(';'));
  });
}

function textElement(
  x: number,
  y: number,
  text: string,
  attributes: Record<string, string | number>,
): string {
  const attrs = Object.entries(attributes)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
  return `<text x="${x}" y="${y}"${attrs}>${escapeXml(text)}</text>`;
}

/**
 * The chart drawn in `container` (its `.recharts-wrapper`) as an SVG file
 * with `title` above and `source` below; null when no chart is drawn there.
 */
export function chartPicture(
  container: HTMLElement,
  { title, source }: { title: string; source: string },
): ChartPicture | null {
  // The chart's own surface (each legend icon is a small `svg.recharts-surface` too).
  const surface = container.querySelector<SVGSVGElement>(
    '.recharts-wrapper > svg.recharts-surface',
  );
  const wrapper = surface?.closest<HTMLElement>('.recharts-wrapper') ?? null;
  if (surface === null || wrapper === null) return null;
  const box = wrapper.getBoundingClientRect();
  const surfaceBox = surface.getBoundingClientRect();
  const width = Math.max(1, Math.round(box.width));
  const chartHeight = Math.max(1, Math.round(Math.max(box.height, surfaceBox.bottom - box.top)));
  const fontFamily = getComputedStyle(container).fontFamily || 'sans-serif';
  const serializer = new XMLSerializer();

  // The chart itself, its styles inline, the pointer's traces removed.
  const copy = surface.cloneNode(true) as SVGSVGElement;
  inlineStyles(surface, copy);
  for (const transient of copy.querySelectorAll(TRANSIENT)) transient.remove();
  copy.removeAttribute('role');
  copy.removeAttribute('aria-label');
  copy.removeAttribute('tabindex');
  copy.setAttribute('x', String(Math.round(surfaceBox.left - box.left)));
  copy.setAttribute('y', String(Math.round(surfaceBox.top - box.top)));
  copy.setAttribute('width', String(Math.round(surfaceBox.width)));
  copy.setAttribute('height', String(Math.round(surfaceBox.height)));
  // The wrapper's style (cursor, width: 100%) means nothing in a file.
  copy.removeAttribute('class');
  let body = serializer.serializeToString(copy);

  // The legend is HTML beside the SVG: each entry's icon and name drawn where it stood.
  for (const item of wrapper.querySelectorAll<HTMLElement>('.recharts-legend-item')) {
    const icon = item.querySelector<SVGSVGElement>('svg');
    if (icon !== null) {
      const iconBox = icon.getBoundingClientRect();
      const iconCopy = icon.cloneNode(true) as SVGSVGElement;
      inlineStyles(icon, iconCopy);
      iconCopy.setAttribute('x', String(Math.round(iconBox.left - box.left)));
      iconCopy.setAttribute('y', String(Math.round(iconBox.top - box.top)));
      iconCopy.setAttribute('width', String(Math.round(iconBox.width)));
      iconCopy.setAttribute('height', String(Math.round(iconBox.height)));
      iconCopy.removeAttribute('class');
      iconCopy.removeAttribute('style');
      body += serializer.serializeToString(iconCopy);
    }
    const label = item.querySelector<HTMLElement>('.recharts-legend-item-text') ?? item;
    const labelBox = label.getBoundingClientRect();
    const labelStyle = getComputedStyle(label);
    body += textElement(
      Math.round(labelBox.left - box.left),
      Math.round(labelBox.top - box.top + labelBox.height / 2),
      label.textContent ?? '',
      {
        'dominant-baseline': 'central',
        fill: labelStyle.color,
        'font-size': labelStyle.fontSize,
        'font-family': labelStyle.fontFamily,
      },
    );
  }

  const pad = 12;
  const titleSize = 16;
  const sourceSize = 12;
  const lineWidth = Math.max(80, width - 2 * pad);
  const titleLines = wrapText(
    title,
    lineWidth,
    measurer(`700 ${titleSize}px ${fontFamily}`, titleSize),
  );
  const sourceLines = wrapText(
    source,
    lineWidth,
    measurer(`${sourceSize}px ${fontFamily}`, sourceSize),
  );
  const titleHeight = pad + titleLines.length * titleSize * 1.3 + pad;
  const sourceHeight = pad + sourceLines.length * sourceSize * 1.4 + pad;
  const height = Math.round(titleHeight + chartHeight + sourceHeight);

  const titleText = titleLines
    .map((line, i) =>
      textElement(pad, pad + titleSize + i * titleSize * 1.3, line, {
        'font-size': titleSize,
        'font-weight': 700,
        fill: '#1b1f24',
      }),
    )
    .join('');
  const sourceText = sourceLines
    .map((line, i) =>
      textElement(
        pad,
        Math.round(titleHeight + chartHeight + pad + sourceSize + i * sourceSize * 1.4),
        line,
        { 'font-size': sourceSize, fill: '#4f5863' },
      ),
    )
    .join('');

  const svg =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="${SVG_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `font-family="${escapeXml(fontFamily)}">` +
    `<title>${escapeXml(title)}</title><desc>${escapeXml(source)}</desc>` +
    `<rect width="100%" height="100%" fill="#ffffff"/>` +
    titleText +
    `<g transform="translate(0 ${Math.round(titleHeight)})">${body}</g>` +
    sourceText +
    `</svg>\n`;
  return { svg, width, height };
}

/** The picture as a PNG at `scale` times its size (2: sharp on high-density screens and in print). */
export async function pictureToPng(picture: ChartPicture, scale = 2): Promise<Blob> {
  // A data: URL, not a blob: one: the app's Content-Security-Policy allows images from 'self' and data: only.
  const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(picture.svg)}`;
  const image = new Image();
  await new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('The chart could not be drawn as an image.'));
    image.src = url;
  });
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(picture.width * scale);
  canvas.height = Math.round(picture.height * scale);
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('No canvas here.');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob === null ? reject(new Error('No PNG.')) : resolve(blob)),
      'image/png',
    ),
  );
}
