# syntax=docker/dockerfile:1
# Build stage: compile TypeScript with the full dependency set.
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV npm_config_yes=true
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY dialogs ./dialogs
COPY locales ./locales
RUN npm run build

# Runtime stage: production dependencies only, non-root.
FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production npm_config_yes=true PORT=3000
# A small instance: cap V8's old space (a busy instance's live heap is ~80 MB) so it returns memory
# instead of growing into the host's free RAM; raise it for a bigger container.
ENV NODE_OPTIONS=--max-old-space-size=256
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY locales ./locales
COPY src/web/public ./src/web/public
COPY src/store/redis/lua ./src/store/redis/lua
COPY src/store/redis/dictionary-v1.txt ./src/store/redis/dictionary-v1.txt
COPY src/store/redis/dictionary-v2.txt ./src/store/redis/dictionary-v2.txt
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/src/main.js"]
