# syntax=docker/dockerfile:1
#
# One image recipe for all six apps. The build is identical for every app (cached once); only the
# last layers differ, where APP selects which compiled entry point the container runs:
#
#   docker build --build-arg APP=orders -t galley/orders .
#   docker run --rm -e PORT=3003 -e DB_USER=galley_orders ... galley/orders
#
# Any of the images also runs every service's migrations and creates the Kafka topics (the
# `migrate` service of docker-compose.yml, k8s/base/migrate-job.yaml):
#   node -r ./scripts/register-paths.cjs dist/scripts/setup-services.js

ARG NODE_IMAGE=node:20-slim

# --- build: all dependencies, compile TypeScript into dist/ -------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Install scripts are not run, as on the development machines (npm 11 default): the native
# packages in use ship prebuilt binaries.
COPY package.json package-lock.json ./
COPY apps/web/package.json ./apps/web/package.json
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
# npm run build is nest build (nest-cli.json: tsc over tsconfig.build.json, plus the assets tsc does
# not copy, such as the reviews' sentiment model); then the storefront and dashboard (apps/web/dist),
# served by the gateway (WEB_DIST_DIR).
RUN npm run build && npm run build -w apps/web

# --- runtime: production dependencies and the compiled code, as a non-root user ---------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
# register-paths.cjs maps the @galley/* aliases of tsconfig.json onto dist/ at run time.
COPY tsconfig.json ./
COPY scripts/register-paths.cjs ./scripts/register-paths.cjs
COPY --from=build /app/dist ./dist
COPY --from=build /app/apps/web/dist ./apps/web/dist

# Which app this image runs: gateway, users, inventory, orders, payments or reviews.
ARG APP
RUN test -n "$APP" || { echo 'build with --build-arg APP=<gateway|users|inventory|orders|payments|reviews>' >&2; exit 1; }; \
    test -f "dist/apps/$APP/src/main.js" || { echo "no compiled entry point dist/apps/$APP/src/main.js" >&2; exit 1; }
ENV APP=${APP}

# The apps' default ports (libs/config/src/services.ts); each app listens on its PORT variable.
EXPOSE 8080 3001 3002 3003 3004 3005

# Where inventory keeps product images on disk (IMAGE_STORAGE=disk), writable by the app user.
RUN mkdir -p /var/lib/galley/images && chown 1000:1000 /var/lib/galley/images

# uid/gid 1000 is the image's `node` user; numeric so that Kubernetes can verify runAsNonRoot.
USER 1000:1000

HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# exec: node becomes PID 1 and receives SIGTERM itself (graceful shutdown of HTTP and Kafka).
CMD ["sh", "-c", "exec node -r ./scripts/register-paths.cjs \"dist/apps/${APP}/src/main.js\""]
