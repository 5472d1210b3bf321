import "server-only";
import { createHmac } from "node:crypto";
import http from "node:http";
import https from "node:https";
import nodemailer from "nodemailer";
import { emailContent, slackBody, webhookBody, type NotificationMessage } from "@/lib/domain/notification-message";
import { assertAllowedTarget, ForbiddenTargetError, guardedLookup } from "./probe-check";

// One attempt at one delivery, bounded: a receiver that hangs is cut at SEND_TIMEOUT_MS, at most
// MAX_ANSWER_BYTES of its answer are read (to say why it refused), and its address is checked at
// connect time as a probe's is (never link-local or cloud metadata). Never throws: a failure is
// an outcome with its reason, which the delivery log shows.

export const SEND_TIMEOUT_MS = 10_000;
const MAX_ANSWER_BYTES = 2_000;

export type SendOutcome = { ok: boolean; status: number | null; error: string | null };

export type ChannelTarget =
  | { type: "webhook"; url: string; secret: string }
  | { type: "slack"; url: string }
  | { type: "email"; to: string[]; smtp: SmtpTarget | null };

export type SmtpTarget = { host: string; port: number; secure: boolean; user: string | null; password: string | null; from: string };

/** The X-Nines-Signature header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`. */
export function signature(secret: string, body: string, unixSeconds: number): string {
  return `t=${unixSeconds},v1=${createHmac("sha256", secret).update(`${unixSeconds}.${body}`).digest("hex")}`;
}

function post(url: URL, body: string, headers: Record<string, string>): Promise<SendOutcome> {
  return new Promise((resolve) => {
    const client = url.protocol === "https:" ? https : http;
    const req = client.request(
      url,
      { method: "POST", signal: AbortSignal.timeout(SEND_TIMEOUT_MS), lookup: guardedLookup(false), headers: { "content-type": "application/json", "user-agent": "Nines-notify/1", "content-length": String(Buffer.byteLength(body)), ...headers } },
      (res) => {
        const status = res.statusCode ?? 0;
        let answer = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          if (answer.length < MAX_ANSWER_BYTES) answer += chunk;
        });
        const done = () => resolve(status >= 200 && status < 300 ? { ok: true, status, error: null } : { ok: false, status, error: `HTTP ${status}${answer.trim() ? `: ${answer.trim().slice(0, 300)}` : ""}` });
        res.on("end", done);
        res.on("error", (err) => resolve({ ok: false, status, error: describe(err) }));
      },
    );
    req.on("error", (err) => resolve({ ok: false, status: null, error: describe(err) }));
    req.end(body);
  });
}

function describe(err: unknown): string {
  if (err instanceof ForbiddenTargetError) return err.message;
  const e = err as { name?: string; code?: string; message?: string };
  if (e.name === "AbortError" || e.name === "TimeoutError" || e.code === "ABORT_ERR") return `no answer within ${SEND_TIMEOUT_MS / 1000} s`;
  if (e.code === "ECONNREFUSED") return "connection refused";
  if (e.code === "ENOTFOUND" || e.code === "EAI_AGAIN") return "the host name does not resolve";
  if (e.code === "ECONNRESET") return "the connection was reset";
  return e.message ?? String(err);
}

async function sendEmail(target: Extract<ChannelTarget, { type: "email" }>, message: NotificationMessage, key: string): Promise<SendOutcome> {
  const smtp = target.smtp;
  if (!smtp) return { ok: false, status: null, error: "No email server is set (Settings → Notifications, Email server)" };
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? "" } : undefined,
    connectionTimeout: SEND_TIMEOUT_MS,
    greetingTimeout: SEND_TIMEOUT_MS,
    socketTimeout: SEND_TIMEOUT_MS,
  });
  try {
    const { subject, text } = emailContent(message, key);
    // The whole exchange is bounded, not only each wait: the scheduler's lease counts on it.
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error("timeout"), { name: "TimeoutError" })), SEND_TIMEOUT_MS);
    });
    try {
      await Promise.race([transport.sendMail({ from: smtp.from, to: target.to, subject, text, messageId: `<${key}@nines>`, headers: { "X-Nines-Delivery": key, "X-Nines-Event": message.event } }), deadline]);
    } finally {
      clearTimeout(timer);
    }
    return { ok: true, status: 250, error: null };
  } catch (err) {
    const e = err as { responseCode?: number; response?: string; message?: string };
    return { ok: false, status: e.responseCode ?? null, error: e.response ?? describe(err) };
  } finally {
    transport.close();
  }
}

/** Sends one message to one channel; `key` is the delivery's id, the same on every attempt. */
export async function send(target: ChannelTarget, message: NotificationMessage, key: string): Promise<SendOutcome> {
  if (target.type === "email") return sendEmail(target, message, key);
  const url = new URL(target.url);
  try {
    await assertAllowedTarget(url, false);
  } catch (err) {
    if (err instanceof ForbiddenTargetError) return { ok: false, status: null, error: err.message };
    throw err;
  }
  if (target.type === "slack") return post(url, slackBody(message, key), { "idempotency-key": key });
  const body = webhookBody(message, key);
  return post(url, body, { "x-nines-signature": signature(target.secret, body, Math.floor(Date.now() / 1000)), "x-nines-delivery": key, "idempotency-key": key });
}
