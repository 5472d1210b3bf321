import type { Metadata } from "next";
import { StatusAction } from "@/components/status/status-action";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false, follow: false } };

/** Opened from an email's unsubscribe link: one button ends the subscription. */
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const token = (await searchParams).token ?? "";
  return <StatusAction title="Unsubscribe" text="You will no longer receive this status page's incident updates." action={`/status/subscription/unsubscribe?token=${encodeURIComponent(token)}`} button="Unsubscribe" />;
}
