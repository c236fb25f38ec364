# Build once, run as API or worker (APP_ROLE). Node 20 as on the project's machines.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# Uploaded attachments (ATTACHMENT_DIR): owned by the user the service runs as, so a volume mounted
# here starts writable.
RUN mkdir -p /app/data/attachments && chown -R node:node /app/data
USER node
EXPOSE 3000
CMD ["node", "dist/src/main.js"]
