/**
 * Groups calls that arrive within a few milliseconds into one `flush`, so many reports share one
 * multi-row INSERT and one commit (durable throughput is then not bounded by one fsync per report).
 * Each caller gets its own item's outcome; a failing flush rejects every caller in it.
 */
export class MicroBatcher<In, Out> {
  private queue: { input: In; resolve: (o: Out) => void; reject: (e: unknown) => void }[] = [];
  private timer: NodeJS.Timeout | undefined;
  private inFlight = 0;

  constructor(
    private readonly flush: (inputs: In[]) => Promise<(Out | Error)[]>,
    private readonly opts: { maxWaitMs: number; maxSize: number; maxConcurrent: number },
  ) {}

  submit(input: In): Promise<Out> {
    return new Promise((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      if (this.queue.length >= this.opts.maxSize) this.drain();
      else this.timer ??= setTimeout(() => this.drain(), this.opts.maxWaitMs);
    });
  }

  private drain() {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.inFlight >= this.opts.maxConcurrent) {
      // Keep collecting while the database is busy: the next batch is simply bigger.
      this.timer = setTimeout(() => this.drain(), this.opts.maxWaitMs);
      return;
    }
    const batch = this.queue.splice(0, this.opts.maxSize);
    if (!batch.length) return;
    this.inFlight++;
    this.flush(batch.map((b) => b.input))
      .then((outs) => batch.forEach((b, i) => (outs[i] instanceof Error ? b.reject(outs[i]) : b.resolve(outs[i] as Out))))
      .catch((err) => batch.forEach((b) => b.reject(err)))
      .finally(() => {
        this.inFlight--;
        if (this.queue.length) this.timer ??= setTimeout(() => this.drain(), 0);
      });
  }
}
