// Reading what the SMTP sink received (receivers.ts) as a mail client would: headers, the plain
// text part and attachments, out of nodemailer's MIME (multipart, base64 or quoted-printable).
import { inflateSync } from "node:zlib";

export type ParsedMail = { headers: Record<string, string>; text: string; attachments: { fileName: string; contentType: string; content: Buffer }[] };

type Part = { headers: Record<string, string>; body: string };

function splitPart(raw: string): Part {
  const at = raw.search(/\r?\n\r?\n/);
  const head = (at < 0 ? raw : raw.slice(0, at)).replace(/\r?\n[ \t]+/g, " ");
  const body = at < 0 ? "" : raw.slice(at).replace(/^\r?\n\r?\n/, "");
  const headers: Record<string, string> = {};
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

function decode(part: Part): Buffer {
  const encoding = (part.headers["content-transfer-encoding"] ?? "7bit").toLowerCase();
  if (encoding === "base64") return Buffer.from(part.body.replace(/\s+/g, ""), "base64");
  if (encoding === "quoted-printable") {
    const soft = part.body.replace(/=\r?\n/g, "");
    const bytes: number[] = [];
    for (let i = 0; i < soft.length; i++) {
      const hex = soft[i] === "=" ? /^[0-9A-Fa-f]{2}/.exec(soft.slice(i + 1, i + 3)) : null;
      if (hex) {
        bytes.push(parseInt(hex[0], 16));
        i += 2;
      } else bytes.push(soft.charCodeAt(i));
    }
    return Buffer.from(bytes);
  }
  return Buffer.from(part.body, "utf8");
}

function leaves(part: Part): Part[] {
  const type = part.headers["content-type"] ?? "text/plain";
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!type.toLowerCase().startsWith("multipart/") || !boundary) return [part];
  const pieces = part.body.split(`--${boundary}`).slice(1);
  return pieces.filter((p) => !p.startsWith("--")).flatMap((p) => leaves(splitPart(p.replace(/^\r?\n/, ""))));
}

export function parseMail(raw: string): ParsedMail {
  const top = splitPart(raw);
  const parts = leaves(top);
  const text = parts.filter((p) => (p.headers["content-type"] ?? "text/plain").startsWith("text/plain") && !/attachment/i.test(p.headers["content-disposition"] ?? "")).map((p) => decode(p).toString("utf8"));
  const attachments = parts
    .filter((p) => /attachment/i.test(p.headers["content-disposition"] ?? ""))
    .map((p) => ({ fileName: /filename="?([^";]+)"?/i.exec(p.headers["content-disposition"] ?? "")?.[1] ?? "", contentType: (p.headers["content-type"] ?? "").split(";")[0]?.trim() ?? "", content: decode(p) }));
  return { headers: top.headers, text: text.join("\n"), attachments };
}

/** The text a PDF draws, run by run (pdfkit writes each run as hex glyph codes, in streams deflated unless told not to). */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString("latin1");
  const streams = [...raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)].map((m) => {
    const bytes = Buffer.from(m[1] ?? "", "latin1");
    try {
      return inflateSync(bytes).toString("latin1");
    } catch {
      return bytes.toString("latin1"); // not deflated
    }
  });
  return streams
    .flatMap((s) => [...s.matchAll(/\[([^\]]*)\]\s*TJ/g)].map((m) => [...(m[1] ?? "").matchAll(/<([0-9a-f]*)>/gi)].map((h) => Buffer.from(h[1] ?? "", "hex").toString("latin1")).join("")))
    .join("\n");
}
