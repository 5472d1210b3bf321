import "server-only";
import { open } from "./secret-box";

// Prometheus's HTTP API (https://prometheus.io/docs/prometheus/latest/querying/api/), read with a
// bounded timeout: a slow or absent server never holds a request or the scheduler for long.

/** The server could not be asked: down, slow, not Prometheus, or it failed (5xx). Its data is unknown, not bad. */
export class PrometheusUnreachable extends Error {}
/** The server refused the query itself (bad_data): the query is wrong, with Prometheus's own message. */
export class PrometheusRejected extends Error {}

export type Connection = { url: string; authType: string; username: string | null; secretSealed: string | null };
export type RangeSeries = { metric: Record<string, string>; values: [number, string][] };

const TIMEOUT_MS = 5_000;

function headers(c: Connection): Record<string, string> {
  const secret = c.secretSealed ? open(c.secretSealed) : null;
  if (c.authType === "bearer" && secret) return { authorization: `Bearer ${secret}` };
  if (c.authType === "basic" && secret) return { authorization: `Basic ${Buffer.from(`${c.username ?? ""}:${secret}`).toString("base64")}` };
  return {};
}

async function get(c: Connection, path: string, params: Record<string, string>, timeoutMs = TIMEOUT_MS): Promise<unknown> {
  const url = `${c.url.replace(/\/+$/, "")}/api/v1/${path}?${new URLSearchParams(params)}`;
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: "application/json", ...headers(c) }, signal: AbortSignal.timeout(timeoutMs), redirect: "error" });
  } catch (err) {
    const reason = err instanceof Error && err.name === "TimeoutError" ? `no answer within ${timeoutMs / 1000} s` : err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err);
    throw new PrometheusUnreachable(`Prometheus at ${c.url} could not be reached: ${reason}`);
  }
  let body: { status?: string; data?: unknown; errorType?: string; error?: string };
  try {
    body = (await res.json()) as typeof body;
  } catch {
    throw new PrometheusUnreachable(`Prometheus at ${c.url} answered ${res.status} without its JSON: is it a Prometheus server?`);
  }
  if (body.status === "success") return body.data;
  if (res.status === 400 && body.errorType === "bad_data") throw new PrometheusRejected(body.error ?? "the query was refused");
  if (res.status === 401 || res.status === 403) throw new PrometheusUnreachable(`Prometheus at ${c.url} refused the credentials (${res.status})`);
  throw new PrometheusUnreachable(`Prometheus at ${c.url} answered ${res.status}: ${body.error ?? body.errorType ?? "an error"}`);
}

/** The value of an instant query: Prometheus's own check of a query's syntax and meaning. */
export async function instantQuery(c: Connection, expr: string, time?: number): Promise<{ resultType: string; result: unknown[] }> {
  const data = (await get(c, "query", { query: expr, ...(time === undefined ? {} : { time: String(time / 1000) }) })) as { resultType: string; result: unknown[] };
  return data;
}

/** Every series of a range query from start to end (epoch ms) at `stepSeconds`; values at each step. */
export async function rangeQuery(c: Connection, expr: string, start: number, end: number, stepSeconds: number): Promise<RangeSeries[]> {
  const data = (await get(c, "query_range", { query: expr, start: String(start / 1000), end: String(end / 1000), step: String(stepSeconds) }, 15_000)) as { resultType: string; result: RangeSeries[] };
  if (data.resultType !== "matrix") throw new PrometheusRejected(`The query gives a ${data.resultType}, not a series over time`);
  return data.result;
}

/** Whether the server answers at all (the build info endpoint). */
export async function ping(c: Connection): Promise<void> {
  await get(c, "status/buildinfo", {});
}
