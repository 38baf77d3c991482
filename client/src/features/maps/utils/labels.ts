/**
 * Where each city's name goes next to its marker: to the right, else the
 * left, above or below, whichever overlaps no name already placed and stays
 * inside the map; no label when none fits (the table and the marker's details
 * still name it). Greedy, in the given order.
 */
export type LabelSide = 'right' | 'left' | 'above' | 'below';

export interface LabelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedLabel {
  side: LabelSide;
  box: LabelBox;
}

const overlaps = (a: LabelBox, b: LabelBox): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The box of a label of `width` × `height` beside a marker of radius r at (x, y). */
export function labelBox(
  side: LabelSide,
  x: number,
  y: number,
  width: number,
  height: number,
  r: number,
): LabelBox {
  switch (side) {
    case 'right':
      return { x: x + r + 3, y: y - height / 2, width, height };
    case 'left':
      return { x: x - r - 3 - width, y: y - height / 2, width, height };
    case 'above':
      return { x: x - width / 2, y: y - r - 2 - height, width, height };
    case 'below':
      return { x: x - width / 2, y: y + r + 2, width, height };
  }
}

export function placeLabels(
  items: ReadonlyArray<{ x: number; y: number; width: number }>,
  options: { height: number; radius: number; bounds: { width: number; height: number } },
): Array<PlacedLabel | null> {
  const placed: LabelBox[] = [];
  // Markers are obstacles too: a name never covers another city's marker.
  const markers = items.map(({ x, y }) => ({
    x: x - options.radius,
    y: y - options.radius,
    width: 2 * options.radius,
    height: 2 * options.radius,
  }));
  return items.map((item, i) => {
    for (const side of ['right', 'left', 'above', 'below'] as const) {
      const box = labelBox(side, item.x, item.y, item.width, options.height, options.radius);
      const inside =
        box.x >= 0 &&
        box.y >= 0 &&
        box.x + box.width <= options.bounds.width &&
        box.y + box.height <= options.bounds.height;
      if (!inside) continue;
      if (placed.some((p) => overlaps(p, box))) continue;
      if (markers.some((m, j) => j !== i && overlaps(m, box))) continue;
      placed.push(box);
      return { side, box };
    }
    return null;
  });
}
