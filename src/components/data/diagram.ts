/** Geometry of the network diagram: which nodes to draw for each layer, and where. */

export interface DiagramNode {
  x: number;
  y: number;
}

export interface DiagramColumn {
  size: number;
  x: number;
  nodes: DiagramNode[];
  /** Where the "more nodes" ellipsis goes, when not every node is drawn. */
  ellipsisY: number | null;
}

export interface DiagramGeometry {
  width: number;
  height: number;
  columns: DiagramColumn[];
}

const MAX_DRAWN = 10;
const SPACING = 22;
const TOP = 24;

/**
 * Lays out layers of the given sizes left to right between `left` and `right`. Layers of up to
 * ten nodes are drawn whole; larger ones as their first and last four with an ellipsis between.
 */
export function diagramGeometry(sizes: readonly number[], left = 150, right = 440, width = 520): DiagramGeometry {
  const height = TOP * 2 + (MAX_DRAWN - 1) * SPACING + 56;
  const mid = TOP + ((MAX_DRAWN - 1) * SPACING) / 2;
  const columns = sizes.map((size, i): DiagramColumn => {
    const x = sizes.length === 1 ? left : left + ((right - left) * i) / (sizes.length - 1);
    if (size <= MAX_DRAWN) {
      const top = mid - ((size - 1) * SPACING) / 2;
      return { size, x, nodes: Array.from({ length: size }, (_, k) => ({ x, y: top + k * SPACING })), ellipsisY: null };
    }
    const nodes: DiagramNode[] = [];
    for (let k = 0; k < 4; k++) nodes.push({ x, y: TOP + k * SPACING });
    for (let k = 0; k < 4; k++) nodes.push({ x, y: TOP + (MAX_DRAWN - 4 + k) * SPACING });
    return { size, x, nodes, ellipsisY: mid };
  });
  return { width, height, columns };
}
