// Real receivers for notifications: an HTTP server that keeps every request byte for byte (and
// can be switched to refuse or to hang), and an SMTP server (smtp-server) that keeps every email.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type Received = { path: string; headers: http.IncomingHttpHeaders; body: string; at: number };

export type HttpReceiver = {
  url: (path: string) => string;
  received: Received[];
  /** Every request that arrived, answered or not (a refused one too). */
  seen: Received[];
  mode: "ok" | "down" | "hang";
  close: () => Promise<void>;
};

export async function httpReceiver(port = 0): Promise<HttpReceiver> {
  const state: HttpReceiver = { url: () => "", received: [], seen: [], mode: "ok", close: async () => {} };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const r = { path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), at: Date.now() };
      state.seen.push(r);
      if (state.mode === "hang") return; // never answers
      if (state.mode === "down") {
        res.writeHead(503, { "content-type": "text/plain" });
        return res.end("receiver down");
      }
      state.received.push(r);
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.url = (path) => `${base}${path}`;
  state.close = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  return state;
}

export type Mail = { from: string; to: string[]; raw: string };

/** A local SMTP server without TLS or auth, keeping each message as it arrived. */
export async function smtpSink(): Promise<{ port: number; mails: Mail[]; close: () => Promise<void> }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        mails.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return { port, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
