import { describe, expect, it } from "vitest";
import * as health from "@/app/api/health/route";
import * as ready from "@/app/api/ready/route";
import * as setup from "@/app/api/setup/route";
import { applyEnvironmentBootstrap } from "@/lib/server/bootstrap";
import { prisma } from "@/lib/server/db";
import { call, unique } from "../support/api";
import { actorWithToken } from "../support/fixtures";

describe("health and readiness", () => {
  it("/api/health answers 200 ok without sign-in", async () => {
    const res = await call(health.GET);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("ok");
  });

  it("/api/ready reports the database reachable and every migration applied", async () => {
    const res = await call(ready.GET);
    const body = res.body;
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ status: "ready", database: "reachable", migrations: { pending: [], failed: [] } });
    expect(body.migrations.applied).toBeGreaterThan(0);
  });
});

describe("bootstrap from the environment", () => {
  it("creates the admin and registers the API token once, idempotently", async () => {
    const email = `${unique("boot")}@example.test`;
    const token = `nines_${unique("boot")}`;
    const env = { BOOTSTRAP_ADMIN_EMAIL: email, BOOTSTRAP_ADMIN_PASSWORD: "a long enough password", BOOTSTRAP_API_TOKEN: token };
    await applyEnvironmentBootstrap(env);
    await applyEnvironmentBootstrap(env);
    const user = await prisma.user.findUniqueOrThrow({ where: { email }, include: { apiTokens: true } });
    expect(user.role).toBe("admin");
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain("a long enough password");
    expect(user.apiTokens).toHaveLength(1);
    expect(user.apiTokens[0]?.tokenHash).not.toBe(token);
  });

  it("closes the setup endpoint once users exist", async () => {
    await actorWithToken("viewer");
    const res = await call(setup.POST, {
      method: "POST",
      body: { name: "Late", email: "late@example.test", password: "a long enough password" },
    });
    expect(res.status).toBe(409);
    expect(await prisma.user.count({ where: { email: "late@example.test" } })).toBe(0);
  });
});
