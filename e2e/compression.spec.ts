import { request } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";

// scripts/serve.ts compresses; Next's own compression is off. Were both on, a body would be
// compressed twice and a browser would show bytes. Raw HTTP here (node's http would not decode),
// so the test sees exactly what the server sent.
test.describe("responses are compressed once, as the client asks", () => {
  const fetchRaw = (url: string, acceptEncoding: string) =>
    new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
      const req = request(url, { headers: { "accept-encoding": acceptEncoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ encoding: res.headers["content-encoding"], body: Buffer.concat(chunks) }));
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end();
    });

  for (const [accept, encoding, decode] of [
    ["gzip, deflate", "gzip", gunzipSync],
    ["gzip, deflate, br", "br", brotliDecompressSync],
  ] as const) {
    test(`a page asked for with "${accept}" comes ${encoding}-compressed`, async ({ baseURL }) => {
      const page = await fetchRaw(`${baseURL}/login`, accept);
      expect(page.encoding).toBe(encoding);
      expect(decode(page.body).toString("utf8")).toContain("<html");
    });
  }

  test("a page asked for with identity only comes uncompressed", async ({ baseURL }) => {
    const page = await fetchRaw(`${baseURL}/login`, "identity");
    expect(page.encoding).toBeUndefined();
    expect(page.body.toString("utf8")).toContain("<html");
  });
});
