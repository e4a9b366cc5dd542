# SIKANDA production image: one Node process serving the API, the socket hub and the built front ends.

# ---- manifests: what npm ci reads, shared by both stages below ----
FROM node:20-bookworm-slim AS manifests
WORKDIR /app
# Manifests first, so the dependency layer is reused until the lockfile changes.
# npm ci needs every workspace's package.json to match the lockfile.
COPY package.json package-lock.json ./
COPY geo/package.json geo/
COPY server/package.json server/
COPY dashboard/package.json dashboard/
COPY mobile-web/package.json mobile-web/

# ---- build: all dependencies, then the front ends into dist/ ----
FROM manifests AS build
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# ---- runtime: production dependencies only ----
FROM manifests
ENV NODE_ENV=production TZ=Asia/Makassar
# tsx is a runtime dependency: the server runs from its TypeScript sources, no separate compile step.
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
# tsconfig.json carries the @contract/@geo path aliases tsx resolves at run time.
COPY tsconfig.json ./
COPY server/ server/
COPY geo/ geo/
COPY seeds/ seeds/
COPY --from=build /app/dist/ dist/
# Report photos (and, without DATABASE_URL, the embedded database) are written here; the node user owns it.
RUN mkdir -p data && chown node:node data
USER node
EXPOSE 3000
# Liveness only (process answers); readiness (/readyz: database + migrations) is the orchestrator's check.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node directly, not npm: SIGTERM must reach the server's graceful shutdown.
CMD ["node", "--import", "tsx", "server/main.ts"]
