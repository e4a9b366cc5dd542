/**
 * Live events wait here for the next animation frame and are applied together: at 100 reports a second
 * that is two or three per frame, one state update and one paint instead of a hundred. A frame takes at
 * most `maxPerFrame`, so a catch-up of thousands after a network cut is spread over frames rather than
 * freezing the screen. Frames stop in a hidden tab, so a timer stands in when no frame comes.
 */
export function createFrameQueue<T>(flush: (items: T[]) => void, maxPerFrame = 250, fallbackMs = 250) {
  let items: T[] = [];
  let ticket = 0;

  function run(mine: number) {
    if (mine !== ticket) return; // the frame and the fallback timer race; the first one wins
    ticket++;
    const take = items.length > maxPerFrame ? items.splice(0, maxPerFrame) : items;
    if (take === items) items = [];
    flush(take);
    if (items.length) schedule();
  }

  function schedule() {
    const mine = ticket;
    requestAnimationFrame(() => run(mine));
    setTimeout(() => run(mine), fallbackMs);
  }

  return {
    /** Apply everything waiting now (before a snapshot replaces the state they would patch). */
    flushNow() {
      ticket++;
      const all = items;
      items = [];
      if (all.length) flush(all);
    },
    push(item: T) {
      items.push(item);
      if (items.length === 1) schedule();
    },
    get size() {
      return items.length;
    },
  };
}
