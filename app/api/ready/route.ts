import path from "node:path";
import { NextResponse } from "next/server";
import { migrationStatus } from "@/scripts/db/migration-status";
import { pool } from "@/lib/server/db";
import { withDeadline } from "@/lib/server/db-probe";

export const dynamic = "force-dynamic";

/** Ready = the database answers and every migration on disk is applied. 503 otherwise, within 2 s. */
export async function GET() {
  try {
    const status = await withDeadline(migrationStatus(path.join(process.cwd(), "prisma", "migrations"), pool()), 1500, "readiness");
    const body = {
      status: status.upToDate ? "ready" : "migrations_pending",
      database: "reachable",
      migrations: { applied: status.applied.length, pending: status.pending, failed: status.failed },
    };
    return NextResponse.json(body, { status: status.upToDate ? 200 : 503 });
  } catch (err) {
    console.error("[ready] database not reachable:", err instanceof Error ? err.message : err);
    return NextResponse.json({ status: "unavailable", database: "unreachable" }, { status: 503, headers: { "retry-after": "5" } });
  }
}
