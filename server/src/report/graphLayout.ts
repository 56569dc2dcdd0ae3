import { seededRandom } from '../seededRandom';

/** A node's place in the picture, and the direction its label points to (degrees, 0 = right). */
export interface PlacedNode {
  readonly x: number;
  readonly y: number;
  readonly angle: number;
}

/** A square picture with the circle of nodes in its middle. */
export interface CircleSize {
  readonly size: number;
  readonly radius: number;
}

/**
 * Places the nodes of a graph on a circle, in an order that keeps linked nodes near each other:
 * the order of their directions from the centre in a force-directed layout. The circle leaves room
 * for the labels outside it, which a force-directed picture of a few dozen well-linked entries
 * buries in a tangle. The same graph always gets the same picture (a fixed seed).
 */
export function circularLayout(nodeCount: number, edges: readonly (readonly [number, number])[], { size, radius }: CircleSize): PlacedNode[] {
  // One entry alone stands in the middle.
  if (nodeCount === 1) return [{ x: size / 2, y: size / 2, angle: 0 }];
  const positions = forceDirected(nodeCount, edges);
  const centre = { x: average(positions.map((p) => p.x)), y: average(positions.map((p) => p.y)) };
  const order = positions
    .map((position, node) => ({ node, direction: Math.atan2(position.y - centre.y, position.x - centre.x) }))
    .sort((a, b) => a.direction - b.direction || a.node - b.node);
  const placed = new Array<PlacedNode>(nodeCount);
  order.forEach(({ node }, rank) => {
    // Clockwise from the top.
    const angle = -90 + (360 * rank) / nodeCount;
    const radians = (angle * Math.PI) / 180;
    placed[node] = { x: roundToTenth(size / 2 + radius * Math.cos(radians)), y: roundToTenth(size / 2 + radius * Math.sin(radians)), angle: roundToTenth(angle) };
  });
  return placed;
}

/**
 * Fruchterman–Reingold in the unit square: linked nodes pull together, all nodes push apart, a
 * pull to the centre keeps unlinked nodes near. Quadratic per step: for a few dozen nodes.
 */
function forceDirected(nodeCount: number, edges: readonly (readonly [number, number])[], steps = 300): { x: number; y: number }[] {
  const random = seededRandom(0x5eed);
  const positions = Array.from({ length: nodeCount }, () => ({ x: random() - 0.5, y: random() - 0.5 }));
  const ideal = Math.sqrt(1 / Math.max(nodeCount, 1));
  for (let step = 0; step < steps; step++) {
    const moves = positions.map(() => ({ x: 0, y: 0 }));
    for (let a = 0; a < nodeCount; a++) {
      for (let b = a + 1; b < nodeCount; b++) {
        const { dx, dy, distance } = between(positions[a]!, positions[b]!);
        const push = (ideal * ideal) / distance;
        shift(moves[a]!, dx, dy, push / distance);
        shift(moves[b]!, dx, dy, -push / distance);
      }
    }
    for (const [a, b] of edges) {
      const { dx, dy, distance } = between(positions[a]!, positions[b]!);
      const pull = (distance * distance) / ideal;
      shift(moves[a]!, dx, dy, -pull / distance);
      shift(moves[b]!, dx, dy, pull / distance);
    }
    const temperature = 0.1 * (1 - step / steps) + 0.002;
    positions.forEach((position, i) => {
      const move = moves[i]!;
      move.x -= position.x * 0.5;
      move.y -= position.y * 0.5;
      const length = Math.hypot(move.x, move.y) || 1;
      const limited = Math.min(length, temperature);
      position.x += (move.x / length) * limited;
      position.y += (move.y / length) * limited;
    });
  }
  return positions;
}

function between(a: { x: number; y: number }, b: { x: number; y: number }): { dx: number; dy: number; distance: number } {
  const dx = a.x - b.x;
  const dy = a.y - b.y;
  // Two nodes on the same spot still push apart.
  return { dx, dy, distance: Math.max(Math.hypot(dx, dy), 1e-4) };
}

function shift(move: { x: number; y: number }, dx: number, dy: number, factor: number): void {
  move.x += dx * factor;
  move.y += dy * factor;
}

function average(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((total, value) => total + value, 0) / values.length;
}

/** Coordinates with one decimal: precise enough for a picture, and a short, stable SVG. */
export function roundToTenth(value: number): number {
  return Math.round(value * 10) / 10;
}
