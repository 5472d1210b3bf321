import "server-only";
import { createHmac } from "node:crypto";
import http from "node:http";
import https from "node:https";
import nodemailer from "nodemailer";
import { emailContent, slackBody, webhookBody, type NotificationMessage } from "@/lib/domain/notification-message";
import { lookup } from "node:dns/promises";
import type { LookupFunction } from "node:net";
import { isPublicAddress } from "@/lib/domain/probes";
import { assertAllowedTarget, ForbiddenTargetError, guardedLookup } from "./probe-check";

// One attempt at one delivery, bounded: a receiver that hangs is cut at SEND_TIMEOUT_MS, at most
// MAX_ANSWER_BYTES of its answer are read (to say why it refused), and a webhook's address is
// checked at connect time as a probe's is (never link-local or cloud metadata; a status
// subscriber's, public addresses only). The SMTP host is checked when an admin sets it (nodemailer
// resolves it itself). A failure is an outcome with its reason, which the delivery log shows.

export const SEND_TIMEOUT_MS = 10_000;
const MAX_ANSWER_BYTES = 2_000;

/** `final`: trying again cannot help (the message may not go there, or cannot be read): failed at once. */
export type SendOutcome = { ok: boolean; status: number | null; error: string | null; final?: boolean };

/**
 * `secret`: a channel's webhook is signed; a status subscriber's is not (it has no secret), and
 * `publicOnly` keeps it to public addresses. `unsubscribe`: a status subscriber's one-click link.
 */
export type ChannelTarget = { audience?: "internal" | "public" } & (
  | { type: "webhook"; url: string; secret: string | null; publicOnly?: boolean }
  | { type: "slack"; url: string }
  | { type: "email"; to: string[]; smtp: SmtpTarget | null; unsubscribe?: { page: string; oneClick: string } }
);

export type SmtpTarget = { host: string; port: number; secure: boolean; user: string | null; password: string | null; from: string };

/** The X-Nines-Signature header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`. */
export function signature(secret: string, body: string, unixSeconds: number): string {
  return `t=${unixSeconds},v1=${createHmac("sha256", secret).update(`${unixSeconds}.${body}`).digest("hex")}`;
}

/** A lookup that connects to public addresses only (a status subscriber's webhook). */
function publicLookup(): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true })
      .then((list) => {
        const allowed = list.filter((a) => isPublicAddress(a.address));
        if (allowed.length === 0) return callback(new ForbiddenTargetError(`${hostname} resolves to no public address`), "", 4);
        if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: typeof allowed) => void)(null, allowed);
        const first = allowed[0] as { address: string; family: number };
        callback(null, first.address, first.family);
      })
      .catch((err: Error) => callback(err as NodeJS.ErrnoException, "", 4));
  };
}

function post(url: URL, body: string, headers: Record<string, string>, publicOnly = false): Promise<SendOutcome> {
  return new Promise((resolve) => {
    const client = url.protocol === "https:" ? https : http;
    const req = client.request(
      url,
      { method: "POST", signal: AbortSignal.timeout(SEND_TIMEOUT_MS), lookup: publicOnly ? publicLookup() : guardedLookup(false), headers: { "content-type": "application/json", "user-agent": "Nines-notify/1", "content-length": String(Buffer.byteLength(body)), ...headers } },
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

/** RFC 8058: a mail client may unsubscribe with one POST to the link, without a page in between. */
const unsubscribeHeaders = (links: { oneClick: string } | undefined): Record<string, string> => (links ? { "List-Unsubscribe": `<${links.oneClick}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } : {});

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
      const body = target.unsubscribe ? `${text}\n\nUnsubscribe: ${target.unsubscribe.page}` : text;
      // A report's PDF, written into the message at the change (bounded then, read with its schema).
      const attachments = (message.attachments ?? []).map((a) => ({ filename: a.fileName, content: Buffer.from(a.base64, "base64"), contentType: a.contentType }));
      await Promise.race([transport.sendMail({ from: smtp.from, to: target.to, subject, text: body, attachments, messageId: `<${key}@nines>`, headers: { "X-Nines-Delivery": key, "X-Nines-Event": message.event, ...unsubscribeHeaders(target.unsubscribe) } }), deadline]);
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
  const signed: Record<string, string> = target.secret === null ? {} : { "x-nines-signature": signature(target.secret, body, Math.floor(Date.now() / 1000)) };
  return post(url, body, { ...signed, "x-nines-delivery": key, "idempotency-key": key }, target.publicOnly === true);
}
