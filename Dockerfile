# One Dockerfile for the four services (the context is the repository root):
#   docker build --build-arg SERVICE=gateway-v2 --build-arg PORT=8090 -t gateway-v2 .
# The build stage does not depend on SERVICE, so its layers are built once and shared by the
# four images; only the deploy step and the runtime stage differ.
FROM node:22-slim AS build
ENV CI=true
RUN npm install --global --no-fund --no-audit pnpm@10.34.8
WORKDIR /repo
# The lockfile alone first: dependencies are downloaded again only when it changes.
COPY pnpm-lock.yaml pnpm-workspace.yaml .npmrc ./
RUN pnpm fetch
COPY package.json tsconfig.base.json ./
COPY loadtest/package.json loadtest/
COPY scripts/package.json scripts/
COPY common common
COPY product-service product-service
COPY recommendations-service recommendations-service
COPY gateway-v1 gateway-v1
COPY gateway-v2 gateway-v2
# tsc resolves @cbd/common through its dist (tsconfig.build.json), so common builds first:
# pnpm runs the filtered builds in dependency order.
RUN pnpm install --offline --frozen-lockfile \
  && pnpm --filter @cbd/common --filter @cbd/product-service --filter @cbd/recommendations-service \
    --filter @cbd/gateway-v1 --filter @cbd/gateway-v2 build
ARG SERVICE
# The service with its production dependencies only (--legacy: the workspace does not inject).
RUN test -n "$SERVICE" && pnpm --filter "@cbd/$SERVICE" deploy --prod --legacy /out

FROM node:22-slim
ARG PORT
ENV NODE_ENV=production HOST=0.0.0.0 PORT=${PORT}
WORKDIR /app
COPY --from=build /out/package.json ./
COPY --from=build /out/node_modules node_modules
COPY --from=build /out/dist dist
# Files stay root's: the service can read its code but not change it.
USER node
EXPOSE ${PORT}
# node handles SIGTERM itself (graceful shutdown), so it can run as PID 1.
CMD ["node", "dist/server.js"]
