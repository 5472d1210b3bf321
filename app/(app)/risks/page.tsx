import type { Metadata } from "next";
import { ComingLater } from "@/components/feedback/coming-later";
import { requirePageActor } from "@/lib/server/auth/page-guard";

export const metadata: Metadata = { title: "Risks" };

export default async function RisksPage() {
  await requirePageActor();
  return (
    <ComingLater
      title="Risks"
      summary="A living register of what could take each service down."
      items={[
        "The 5×5 risk matrix (likelihood A–E × consequence 1–5) as a heat map for inherent, current and target assessments.",
        "The register sorted by score, with owner, treatment, mitigation plan and next review date.",
        "The quantitative view: expected bad minutes per year against each service's error budget.",
        "The incidents that realised a risk, and the action items that mitigate it.",
      ]}
    />
  );
}
