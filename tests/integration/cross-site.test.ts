import { beforeAll, describe, expect, it } from "vitest";
import * as alertmanager from "@/app/api/v1/integrations/alertmanager/route";
import * as serviceItem from "@/app/api/v1/services/[slug]/route";
import * as services from "@/app/api/v1/services/route";
import * as setup from "@/app/api/setup/route";
import { call, unique } from "../support/api";
import { actorWithToken, sessionCookie } from "../support/fixtures";

let cookie: string;
let token: string;
beforeAll(async () => {
  const editor = await actorWithToken("editor");
  token = editor.token;
  cookie = await sessionCookie(editor.actor.userId);
});

const OWN = { host: "nines.example", origin: "http://nines.example" };
const createService = (headers: Record<string, string>, auth: { cookie?: string; token?: string }, rawBody?: string) => {
  const slug = unique("csrf");
  return call(services.POST, { method: "POST", ...auth, headers, rawBody: rawBody ?? JSON.stringify({ slug, name: slug, tier: 1 }) }).then((res) => ({ ...res, slug }));
};
const exists = async (slug: string) => (await call(serviceItem.GET, { token, params: { slug } })).status === 200;

describe("a cookie-authenticated write must come from a Nines page", () => {
  it("text/plain from another site (https://evil.example) with the session cookie is refused and writes nothing", async () => {
    const res = await createService({ host: "nines.example", origin: "https://evil.example", "content-type": "text/plain" }, { cookie });
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/Cross-site request refused/);
    expect(await exists(res.slug)).toBe(false);
  });

  it("refuses another site by Sec-Fetch-Site, and a cookie write with neither header", async () => {
    expect((await createService({ ...OWN, "sec-fetch-site": "cross-site" }, { cookie })).status).toBe(403);
    expect((await createService({ ...OWN, "sec-fetch-site": "same-site" }, { cookie })).status).toBe(403);
    expect((await createService({ host: OWN.host }, { cookie })).status).toBe(403);
  });

  it("accepts the app's own origin, by Origin or by Sec-Fetch-Site", async () => {
    expect((await createService(OWN, { cookie })).status).toBe(201);
    expect((await createService({ host: OWN.host, "sec-fetch-site": "same-origin" }, { cookie })).status).toBe(201);
  });

  it("reads are not checked, and scripts with a token need no Origin", async () => {
    expect((await call(services.GET, { cookie, headers: { origin: "https://evil.example" } })).status).toBe(200);
    expect((await createService({}, { token })).status).toBe(201);
  });

  it("the setup endpoint refuses another site too", async () => {
    const res = await call(setup.POST, { method: "POST", headers: { host: OWN.host, origin: "https://evil.example" }, body: { name: "x", email: "x@example.test", password: "a long enough password" } });
    expect(res.status).toBe(403);
  });
});

describe("a request without any credentials is told to send some, before any cross-site check", () => {
  const firing = { version: "4", status: "firing", receiver: "nines", groupKey: "{}:{alertname=\"x\"}", groupLabels: {}, commonLabels: {}, commonAnnotations: {}, externalURL: "http://alertmanager.example", alerts: [] };

  it("an Alertmanager receiver configured without its token gets 401, not the cross-site 403", async () => {
    const res = await call(alertmanager.POST, { method: "POST", body: firing, path: "/api/v1/integrations/alertmanager" });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: "unauthenticated", message: "Sign in or send an API token" });
  });

  it("also when a page of another site sends it: there is no session to abuse", async () => {
    const res = await createService({ host: OWN.host, origin: "https://evil.example", "content-type": "text/plain" }, {});
    expect(res.status).toBe(401);
    expect(await exists(res.slug)).toBe(false);
  });

  it("a cross-site write that carries the cookie is still the 403, whatever else it lacks", async () => {
    const res = await call(alertmanager.POST, { method: "POST", body: firing, cookie, headers: { host: OWN.host, origin: "https://evil.example" } });
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/Cross-site request refused/);
  });
});

describe("a write's body must be JSON", () => {
  it("text/plain or a form body gets 415 and writes nothing, even with a token", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const res = await createService({ "content-type": type }, { token });
      expect(res.status, type).toBe(415);
      expect(res.body.error).toBe("unsupported_media_type");
      expect(await exists(res.slug)).toBe(false);
    }
    expect((await createService({ "content-type": "application/json; charset=utf-8" }, { token })).status).toBe(201);
  });
});
