import Link from "next/link";

const SECTIONS = [
  { key: "general", href: "/settings", label: "General", adminOnly: false },
  { key: "tiers", href: "/settings/tiers", label: "Tiers", adminOnly: false },
  { key: "users", href: "/settings/users", label: "Users", adminOnly: true },
  { key: "tokens", href: "/settings/tokens", label: "API tokens", adminOnly: true },
  { key: "audit", href: "/settings/audit", label: "Audit trail", adminOnly: true },
  { key: "sign-in", href: "/settings/sign-in", label: "Sign-in", adminOnly: true },
  { key: "integrations", href: "/settings/integrations", label: "Integrations", adminOnly: true },
  { key: "notifications", href: "/settings/notifications", label: "Notifications", adminOnly: true },
  { key: "status-page", href: "/settings/status-page", label: "Status page", adminOnly: true },
  { key: "datasources", href: "/settings/datasources", label: "Datasources", adminOnly: false },
] as const;

export type SettingsSection = (typeof SECTIONS)[number]["key"];

/** Tabs across the settings pages; admin-only sections are hidden from everyone else. */
export function SettingsNav({ current, isAdmin }: { current: SettingsSection; isAdmin: boolean }) {
  return (
    <nav aria-label="Settings sections" className="segmented settings-nav">
      {SECTIONS.filter((s) => isAdmin || !s.adminOnly).map((s) => (
        <Link key={s.key} href={s.href} aria-current={s.key === current ? "page" : undefined}>
          {s.label}
        </Link>
      ))}
    </nav>
  );
}
