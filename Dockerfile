# One image for every role (web, scheduler, worker): the command picks the role. Node 20 like CI.
FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 builds from source when no prebuilt binary matches.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production AKHBAR_HOST=0.0.0.0 AKHBAR_PORT=8080
COPY --from=build /app/node_modules ./node_modules
COPY package.json ./
COPY bin ./bin
COPY src ./src
USER node
EXPOSE 8080
ENTRYPOINT ["node", "bin/akhbar"]
CMD ["serve"]
