import http from "node:http";

/**
 * A keep-alive agent with one socket per request in flight. node:http rather than fetch: the load
 * generator shares the process (and, with the embedded database, the CPU) with the server, and fetch
 * spends several times more client CPU per request, which would be charged to the project.
 */
export function keepAliveAgent(maxSockets: number): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
}

export interface HttpAnswer {
  status: number;
  body: string;
}

/** GET a loopback URL and read the whole body. Rejects on network errors or after `timeoutMs`. */
export function httpGet(agent: http.Agent, url: string, timeoutMs = 10_000): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, timeout: timeoutMs }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`timeout after ${timeoutMs} ms: ${url}`)));
    req.on("error", reject);
  });
}
