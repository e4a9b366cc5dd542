/** Child side of spawnBareIo (fanout.ts): a plain Socket.IO broadcaster. Not run directly. */
import { createServer } from "node:http";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";

process.on("disconnect", () => process.exit(0));
process.on("message", (m: { type: "start"; envelope: { seq: number; data: Record<string, unknown> } } | "stop") => {
  if (m === "stop") process.exit(0);
  else void start(m.envelope);
});

async function start(envelope: { seq: number; data: Record<string, unknown> }) {
  const http = createServer();
  const io = new Server(http, { serveClient: false });
  let seq = envelope.seq;
  io.on("connection", (socket) => {
    socket.on("report:submit", (input: { perihal?: string }, ack?: (r: unknown) => void) => {
      // The same envelope the app sends, its message number swapped in, one emit to every socket.
      io.emit("report:created", { ...envelope, seq: ++seq, data: { ...envelope.data, perihal: input.perihal } });
      ack?.({ data: { seq } });
    });
  });
  http.listen({ port: 0, host: "127.0.0.1", backlog: 4096 });
  await once(http, "listening");
  const { port } = http.address() as AddressInfo;
  process.send?.({ type: "ready", baseUrl: `http://127.0.0.1:${port}` });
}
