import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import "./globals.css";
import "./styles/controls.css";
import "./styles/data.css";
import "./styles/incidents.css";
import "./styles/fleet.css";
import "./styles/charts.css";
import "./styles/risks.css";
import "./styles/reviews.css";
import "./styles/reports.css";
import "./styles/probes.css";
import "./styles/policy.css";
import "./styles/changes.css";

// Every page reads the session and the database per request; nothing here can be prerendered
// at build time (and the build has no DATABASE_URL).
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Nines", template: "%s · Nines" },
  description: "Availability reviews, incidents and risk matrices for SRE teams",
  // app/icon.svg is the tab icon; public/ holds the rest (scripts/icons/render-icons.ts).
  icons: { icon: [{ url: "/icon.svg", type: "image/svg+xml" }, { url: "/favicon.ico", sizes: "32x32" }], apple: "/apple-touch-icon.png" },
  manifest: "/site.webmanifest",
  // A team's own dashboard behind a sign-in: never in a search engine's index.
  robots: { index: false, follow: false },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  colorScheme: "light dark",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
