"use client";

// Replaces the root layout when it fails, so it brings its own html/body and minimal styling.
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "3rem", lineHeight: 1.5 }}>
        <h1>Nines could not start this page</h1>
        <p>Something went wrong before the page could render. Try again; if it keeps failing, check the server log.</p>
        <button type="button" onClick={() => retry()} style={{ padding: "0.5rem 1rem", font: "inherit" }}>
          Try again
        </button>
      </body>
    </html>
  );
}
