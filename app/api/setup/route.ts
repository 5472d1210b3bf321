import { NextResponse, type NextRequest } from "next/server";
import { SetupInput } from "@/lib/schemas/user";
import { needsSetup, setupFirstAdmin } from "@/lib/server/bootstrap";
import { ConflictError } from "@/lib/server/errors";
import { errorResponse, parse, readJson } from "@/lib/server/http";
import { assertNotCrossSite } from "@/lib/server/same-origin";

/** Creates the first admin; open only while the database has no users. */
export async function POST(req: NextRequest) {
  try {
    assertNotCrossSite(req);
    if (!(await needsSetup())) throw new ConflictError("Nines is already set up; sign in instead");
    const input = parse(SetupInput, await readJson(req));
    return NextResponse.json(await setupFirstAdmin(input), { status: 201 });
  } catch (err) {
    return errorResponse(err);
  }
}
