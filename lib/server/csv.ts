import "server-only";
import { randomUUID } from "node:crypto";
import { Readable, pipeline } from "node:stream";
import { stringify as stringifyStream } from "csv-stringify";
import { stringify } from "csv-stringify/sync";

// Every CSV Nines writes goes through here: one rule for cells a spreadsheet would run as a formula,
// and one way to stream an export of any size.

// A cell starting like a formula (=, +, -, @, tab, CR), after any apostrophes already there, gets
// one more apostrophe first: it stays text in a spreadsheet, and reading it back removes exactly that
// one, so a value that itself begins with an apostrophe survives the round trip too.
const GUARDED = /^'*[=+\-@\t\r]/;

/** A text cell, guarded against running as a formula. */
export function textCell(s: string | null | undefined): string {
  if (s === null || s === undefined) return "";
  return GUARDED.test(s) ? `'${s}` : s;
}

/** A text cell as it was before `textCell` (what an import reads back). */
export function fromTextCell(cell: string): string {
  return cell.startsWith("'") && GUARDED.test(cell.slice(1)) ? cell.slice(1) : cell;
}

const OPTIONS = { record_delimiter: "\r\n" } as const;

/** Rows as CSV with CRLF line ends, as spreadsheets expect. */
export function toCsv(rows: string[][]): string {
  return stringify(rows, OPTIONS);
}

/**
 * A CSV download of any size: the header, then each page of rows as `pages` reads it, written by
 * csv-stringify as a stream with back-pressure (pages are read as fast as the client takes them,
 * give or take what the server's buffers hold).
 *
 * The first page is read before answering, so a database that is away is a 503 like any request.
 * A failure after that cannot change the 200 already sent: the stream is aborted, the response
 * ends without its last chunk (HTTP/1.1 chunked, no terminating chunk), and clients report the
 * download as failed (curl: exit 18, "partial file"), never as a complete but shorter file. The
 * error is logged with a reference.
 */
export async function csvResponse(filename: string, header: readonly string[], pages: AsyncIterator<string[][]>): Promise<Response> {
  const first = await pages.next();
  let rows = 0;
  async function* records(): AsyncGenerator<string[]> {
    try {
      yield [...header];
      for (let page = first; !page.done; page = await pages.next()) {
        for (const row of page.value) yield row;
        rows += page.value.length;
      }
    } finally {
      // Stopped early (the client went away): the reader stops too.
      await pages.return?.();
    }
  }
  const source = Readable.from(records());
  const csv = stringifyStream(OPTIONS);
  pipeline(source, csv, (err) => {
    // A client that stops reading is not a failure of ours.
    if (err && (err as NodeJS.ErrnoException).code !== "ERR_STREAM_PREMATURE_CLOSE") {
      console.error(`[api] CSV export ${filename} failed after ${rows} rows (reference ${randomUUID()})`, err);
    }
  });
  return new Response(Readable.toWeb(csv) as ReadableStream<Uint8Array>, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${filename}"` },
  });
}
