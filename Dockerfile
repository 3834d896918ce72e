# One image for the API and the workers (docker-compose.yml picks the command).
FROM node:20-bookworm-slim
WORKDIR /app
# better-sqlite3 12 compiles from source on Node 20 (shared/STACK.md): the image needs a toolchain for npm ci.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# The sources are not here yet, so the `prepare` build waits: install without lifecycle scripts, then build
# better-sqlite3's native module (the one package allowed an install script).
RUN npm ci --ignore-scripts --no-audit --no-fund && npm rebuild better-sqlite3
COPY bin ./bin
COPY scripts ./scripts
COPY src ./src
COPY workers ./workers
COPY tsconfig.json ./
# dist/: the API, the worker and the command line as JavaScript (esbuild, a dev dependency), then the dev
# dependencies go.
RUN npm run build && npm prune --omit=dev --no-audit --no-fund
ENV NODE_ENV=production
# The default SQLite store (no DATABASE_URL) and a private Redis keep their files here.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
CMD ["node", "dist/server.js"]
