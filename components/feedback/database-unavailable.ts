// The page people see while PostgreSQL cannot be reached (proxy.ts answers it with 503). Plain
// HTML, no script, no stylesheet: nothing of the app may be needed to show it. It reloads itself.
export const RETRY_SECONDS = 5;

export function databaseUnavailableHtml(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_SECONDS}">
<title>Database unavailable · Nines</title>
<style>
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; font: 16px/1.5 system-ui, sans-serif; background: #f6f7f9; color: #1d2330; }
  main { max-width: 34rem; margin: 1.5rem; padding: 2rem; background: #fff; border: 1px solid #d8dde6; border-radius: 12px; }
  h1 { font-size: 1.35rem; margin: 0 0 0.75rem; }
  p { margin: 0 0 0.75rem; }
  .eyebrow { font-size: 0.8rem; letter-spacing: 0.06em; text-transform: uppercase; color: #8a5a00; font-weight: 600; }
  @media (prefers-color-scheme: dark) { body { background: #12151b; color: #e6e9ef; } main { background: #1b2029; border-color: #2f3745; } .eyebrow { color: #f0b44c; } }
</style>
</head>
<body>
<main>
<p class="eyebrow">503 · Retrying</p>
<h1>The database is unavailable, retrying</h1>
<p>Nines cannot reach its PostgreSQL database right now. This page tries again by itself every ${RETRY_SECONDS} seconds and opens as soon as the database answers.</p>
<p>Everything Nines confirmed as saved before this is safe.</p>
</main>
</body>
</html>`;
}
