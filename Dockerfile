# Production image: `docker build -t parity .` then run with DATABASE_URL and NEXTAUTH_SECRET.
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1 PORT=3000
COPY --from=build /app /app
USER node
EXPOSE 3000
# Applies pending migrations (and the demo seed when SEED_DEMO=true), then `next start`.
CMD ["npx", "tsx", "scripts/dev.ts", "start"]
