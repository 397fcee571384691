/**
 * The deployment files without Docker (none on the dev machine): docker-compose.yml parses and has the shape the
 * scale-out needs (Q-04 Redis flags, one scheduler, N workers, roles that exist), and every AKHBAR_* variable
 * the code reads is in the README's environment reference.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { COMMANDS } from "../../src/surfaces/cli/commands.ts";

const ROOT = join(import.meta.dirname, "../..");
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");

interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  deploy?: { replicas?: number };
  depends_on?: Record<string, { condition: string }>;
}
const compose = parse(read("docker-compose.yml"), { merge: true }) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const services = compose.services;

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(ROOT, path)).isDirectory() ? filesUnder(path) : [path];
  });
}

describe("docker-compose.yml", () => {
  it("runs postgres, redis, one scheduler, several workers and the web role", () => {
    expect(Object.keys(services).sort()).toEqual(["postgres", "redis", "scheduler", "web", "worker"]);
    expect(services.scheduler?.deploy?.replicas).toBe(1);
    expect(services.worker?.deploy?.replicas).toBeGreaterThanOrEqual(2);
    expect(services.scheduler?.command).toEqual(["scheduler"]);
    expect(services.worker?.command).toEqual(["worker"]);
    expect(services.web?.command?.[0]).toBe("serve");
  });

  it("starts Redis with noeviction and AOF persistence (Q-04)", () => {
    const cmd = services.redis?.command?.join(" ") ?? "";
    expect(cmd).toMatch(/--maxmemory-policy noeviction/);
    expect(cmd).toMatch(/--appendonly yes/);
    expect(compose.volumes).toHaveProperty("redisdata");
  });

  it("gives every akhbar role the database and the queue, and names only CLI commands that exist", () => {
    const names = new Set(COMMANDS.map((c) => c.name));
    for (const role of ["scheduler", "worker", "web"]) {
      const s = services[role] as Service;
      expect(s.environment?.AKHBAR_DATABASE_URL, role).toMatch(/^postgres:\/\/.+@postgres:5432\//);
      expect(s.environment?.AKHBAR_REDIS_URL, role).toBe("redis://redis:6379");
      expect(names.has(s.command?.[0] ?? ""), role).toBe(true);
      expect(s.image).toBe("akhbar:latest");
    }
    expect(services.scheduler?.depends_on?.redis?.condition).toBe("service_healthy");
  });

  it("builds one image whose entry point is the CLI", () => {
    const dockerfile = read("Dockerfile");
    expect(dockerfile).toMatch(/^FROM node:20/m);
    expect(dockerfile).toContain('ENTRYPOINT ["node", "bin/akhbar"]');
  });
});

describe("README environment reference", () => {
  it("documents every AKHBAR_* variable the code and compose file use", () => {
    const used = new Set<string>();
    for (const file of [
      ...filesUnder("src").filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts")),
      "docker-compose.yml",
    ]) {
      for (const m of read(file).matchAll(/\bAKHBAR_[A-Z_]+[A-Z]\b/g)) used.add(m[0]);
    }
    const readme = read("README.md");
    const documented = new Set([...readme.matchAll(/^\| `(AKHBAR_[A-Z_]+)`/gm)].map((m) => m[1]));
    expect([...used].filter((v) => !documented.has(v)).sort()).toEqual([]);
  });
});
