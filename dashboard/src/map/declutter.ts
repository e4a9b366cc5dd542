/** A label's box on screen, in CSS pixels (a DOMRect fits). */
export interface LabelBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const overlaps = (a: LabelBox, b: LabelBox, gap: number) =>
  a.left < b.right + gap && b.left < a.right + gap && a.top < b.bottom + gap && b.top < a.bottom + gap;

/**
 * Which labels to show so that none covers another: in priority order (first wins), a label is shown
 * when it keeps `gap` pixels from every label shown before it. An empty box (not laid out) is shown
 * and takes no room.
 */
export function labelsToShow(boxes: readonly LabelBox[], gap = 2): boolean[] {
  const shown: LabelBox[] = [];
  return boxes.map((box) => {
    if (box.right <= box.left || box.bottom <= box.top) return true;
    if (shown.some((s) => overlaps(s, box, gap))) return false;
    shown.push(box);
    return true;
  });
}
