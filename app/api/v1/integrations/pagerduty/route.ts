import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { errorResponse } from "@/lib/server/http";
import { receivePagerDuty } from "@/lib/server/pagerduty";

/**
 * PagerDuty's v3 webhook. Authenticated by its signature alone (X-PagerDuty-Signature, the HMAC of
 * the raw body with the subscription's secret set in Settings → Integrations): a bad or missing one
 * is a 401 that writes nothing.
 */
export async function POST(req: NextRequest): Promise<Response> {
  try {
    return NextResponse.json(await receivePagerDuty(await req.text(), req.headers.get("x-pagerduty-signature")));
  } catch (err) {
    return errorResponse(err);
  }
}
