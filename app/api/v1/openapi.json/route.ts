import { NextResponse } from "next/server";
import { openApiDocument } from "@/lib/schemas/openapi";

// Public: it describes the API, not its data. Built once per process (the schemas do not change).
let document: Record<string, unknown> | null = null;

export function GET() {
  document ??= openApiDocument();
  return NextResponse.json(document);
}
