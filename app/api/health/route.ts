import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

/** The process is up. No database access, no sign-in. */
export function GET() {
  return NextResponse.json({ status: "ok", uptimeSeconds: Math.round(process.uptime()) });
}
