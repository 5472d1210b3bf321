import { NextResponse, type NextRequest } from "next/server";
import { SetupInput } from "@/lib/schemas/user";
import { needsSetup, setupFirstAdmin } from "@/lib/server/bootstrap";
import { fillDemo } from "@/lib/server/demo";
import { ConflictError } from "@/lib/server/errors";
import { errorResponse, parse, readJson } from "@/lib/server/http";
import { assertNotCrossSite } from "@/lib/server/same-origin";

/**
 * Creates the first admin; open only while the database has no users. With `demo: true` it then
 * fills the installation with the demo organisation, on behalf of that admin.
 */
export async function POST(req: NextRequest) {
  try {
    assertNotCrossSite(req);
    if (!(await needsSetup())) throw new ConflictError("Nines is already set up; sign in instead");
    const input = parse(SetupInput, await readJson(req));
    const admin = await setupFirstAdmin(input);
    if (input.demo) await fillDemo({ requestedBy: { kind: "user", userId: admin.id, label: admin.email, role: "admin", name: admin.name, email: admin.email } });
    return NextResponse.json(admin, { status: 201 });
  } catch (err) {
    return errorResponse(err);
  }
}
