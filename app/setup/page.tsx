import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SetupForm } from "@/components/auth/setup-form";
import { needsSetup } from "@/lib/server/bootstrap";

export const metadata: Metadata = { title: "Set up Nines" };

// Open only while the database has no users; afterwards the first admin invites everyone else.
export default async function SetupPage() {
  if (!(await needsSetup())) redirect("/login");
  return (
    <AuthCard
      title="Set up Nines"
      intro="Create the first admin account. You can invite your team and adjust the default tiers afterwards."
    >
      <SetupForm />
    </AuthCard>
  );
}
