import type { OffsetSpec } from './parse.ts';

/**
 * flyvis's point-in-polygon test skips these 7 points on hull boundaries (MODEL_SPEC §1.5);
 * reproducing the network exactly requires skipping them too.
 */
const FLYVIS_SKIPPED_BOUNDARY_POINTS: Record<string, [number, number][]> = {
  'T4c->TmY4': [
    [3, -4],
    [4, -4],
  ],
  'Tm1->TmY15': [[1, -1]],
  'Tm4->C3': [[2, -2]],
  'TmY9->TmY9': [
    [1, -2],
    [2, -2],
  ],
  'TmY15->Tm4': [[0, -1]],
};

type Point = [number, number];

function cross(o: Point, a: Point, b: Point): number {
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}

/** Convex hull (monotone chain), counter-clockwise, without collinear points. */
function convexHull(points: Point[]): Point[] {
  const p = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const half = (pts: Point[]) => {
    const h: Point[] = [];
    for (const q of pts) {
      while (h.length >= 2 && cross(h[h.length - 2], h[h.length - 1], q) <= 0) h.pop();
      h.push(q);
    }
    h.pop();
    return h;
  };
  return [...half(p), ...half([...p].reverse())];
}

/**
 * Integer offsets inside the closed convex hull of a pair's listed offsets (plain Cartesian
 * (du, dv)), not already listed, scanned du then dv ascending; each gets n_syn = fill.
 * Pairs with fewer than 3 offsets or collinear offsets get nothing.
 */
export function hullFillOffsets(pairKey: string, offsets: OffsetSpec[], fill = 1): OffsetSpec[] {
  if (offsets.length < 3 || fill <= 0) return [];
  const pts: Point[] = offsets.map((o) => [o.du, o.dv]);
  const hull = convexHull(pts);
  if (hull.length < 3) return [];
  const listed = new Set(pts.map(([a, b]) => `${a},${b}`));
  const skipped = new Set((FLYVIS_SKIPPED_BOUNDARY_POINTS[pairKey] ?? []).map(([a, b]) => `${a},${b}`));
  const xs = pts.map((q) => q[0]);
  const ys = pts.map((q) => q[1]);
  const added: OffsetSpec[] = [];
  for (let du = Math.min(...xs); du <= Math.max(...xs); du++) {
    for (let dv = Math.min(...ys); dv <= Math.max(...ys); dv++) {
      const key = `${du},${dv}`;
      if (listed.has(key) || skipped.has(key)) continue;
      const inside = hull.every((a, i) => cross(a, hull[(i + 1) % hull.length], [du, dv]) >= 0);
      if (inside) added.push({ du, dv, nSyn: fill });
    }
  }
  return added;
}
