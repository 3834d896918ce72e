# One image for the API and the workers (docker-compose.yml picks the command).

# The web pages' scripts are bundled by esbuild, a devDependency the image itself leaves out.
FROM node:20-bookworm-slim AS web
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.json ./
COPY src ./src
RUN npm run build:web

FROM node:20-bookworm-slim
WORKDIR /app
# better-sqlite3 12 compiles from source on Node 20 (shared/STACK.md): the image needs a toolchain for npm ci.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY bin ./bin
COPY src ./src
COPY workers ./workers
COPY tsconfig.json ./
COPY --from=web /app/dist/web ./dist/web
ENV NODE_ENV=production
# The default SQLite store (no DATABASE_URL) and a private Redis keep their files here.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
CMD ["node", "--import", "tsx", "src/server.ts"]
