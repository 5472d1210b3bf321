import type { Metadata } from "next";
import { StatusAction } from "@/components/status/status-action";

export const metadata: Metadata = { title: "Confirm your subscription", robots: { index: false, follow: false } };

/** Opened from the confirmation email: one button confirms (a mail scanner opening the link does not). */
export default async function ConfirmPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const token = (await searchParams).token ?? "";
  return <StatusAction title="Confirm your subscription" text="You will receive this status page's incident updates by email. Every message has a link to stop them." action={`/status/subscription/confirm?token=${encodeURIComponent(token)}`} button="Confirm" />;
}
