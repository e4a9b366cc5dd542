/**
 * Live events wait here and are applied together in an animation frame: at 100 reports a second one
 * state update and one paint per batch instead of a hundred. Batches are at least `minIntervalMs` apart:
 * every paint of the map's canvas uploads the whole canvas and re-layers the pulses, which at 60 paints
 * a second costs more than the few reports in each are worth; twenty a second looks just as live. A quiet
 * wall's lone report goes out in the next frame. A batch takes at most `maxPerFrame`, so a catch-up of
 * thousands after a network cut is spread over frames rather than freezing the screen. Frames stop in a
 * hidden tab, so a timer stands in when no frame comes.
 */
export function createFrameQueue<T>(flush: (items: T[]) => void, opts: { maxPerFrame?: number; minIntervalMs?: number; fallbackMs?: number } = {}) {
  const { maxPerFrame = 250, minIntervalMs = 50, fallbackMs = 250 } = opts;
  let items: T[] = [];
  let ticket = 0;
  let lastFlush = -Infinity;

  function run(mine: number) {
    if (mine !== ticket) return; // the frame and the fallback timer race; the first one wins
    ticket++;
    lastFlush = performance.now();
    const take = items.length > maxPerFrame ? items.splice(0, maxPerFrame) : items;
    if (take === items) items = [];
    flush(take);
    if (items.length) schedule();
  }

  function schedule() {
    const mine = ticket;
    const wait = lastFlush + minIntervalMs - performance.now();
    const inFrame = () => requestAnimationFrame(() => run(mine));
    if (wait > 1) setTimeout(inFrame, wait);
    else inFrame();
    setTimeout(() => run(mine), Math.max(0, wait) + fallbackMs);
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
