// Decodes report photos for photo-decoder.ts in a process of its own. libvips frees what a large decode
// used, but glibc keeps much of it fragmented across its malloc arenas, so a long-lived server would hold
// hundreds of MB after a few big photos; this process exits when idle and the OS gets all of it back.
//
// Plain JavaScript on purpose: started with plain node (no TypeScript loader), it is ready sooner and
// smaller, and needs nothing but sharp. Messages: see DecodeJob / DecodeReply in photo-decoder.ts.
import sharp from "sharp";

const { maxSide, limitInputPixels } = JSON.parse(process.argv[2] ?? "{}");

// No operation cache (every photo is new) and one libvips thread per photo: the parent runs one photo
// per core at a time, so the CPU is used without multiplying the buffers held at once.
sharp.cache(false);
sharp.concurrency(1);

let running = 0;

process.on("message", async (job) => {
  running++;
  // How many decodes were in this process at once, counted where they run, so the limit can be checked.
  const concurrent = running;
  try {
    const info = await sharp(job.input, { failOn: "error", limitInputPixels })
      .rotate() // apply EXIF orientation before the metadata goes
      .resize({ width: maxSide, height: maxSide, fit: "inside", withoutEnlargement: true })
      .jpeg({ quality: 82, mozjpeg: true })
      .toFile(job.output);
    process.send({ id: job.id, ok: true, width: info.width, height: info.height, concurrent });
  } catch (err) {
    process.send({ id: job.id, ok: false, message: err instanceof Error ? err.message : String(err), concurrent });
  } finally {
    running--;
  }
});

// The parent retires this process by disconnecting (and a parent that dies disconnects too).
process.on("disconnect", () => process.exit(0));
