// Which browser specs run in which lane (playwright.config.ts), and so which installations
// e2e/run.ts starts. Three lanes run side by side, each on an installation of its own:
//   - app: every spec not named below, one after another on one organisation (some change its
//     settings for a moment, sign its admin out, or count everything in it). A new spec lands
//     here unless it is listed.
//   - read: the specs below, also one after another, on a second installation set up like the
//     app's (the same setup page, admin and token). Each of them only reads, or reads what it
//     created itself (its own services, incidents, risks, a tier, a token): none changes the
//     organisation's settings, signs the admin out or leans on what another spec made. Listed
//     here because together they are as long as the rest: the app lane alone was the run's
//     critical path (about 19 of its 20 minutes).
//   - demo: e2e/demo.spec.ts, two at a time, on a third installation filled with the demo
//     organisation.
// A spec may join the read lane only if it keeps to that; one that changes settings stays in app.

/** Spec files (their names under e2e/) of the read lane. */
export const READ_LANE_SPECS = [
  "accessibility.spec.ts",
  "availability.spec.ts",
  "charts-read.spec.ts",
  "every-screen.spec.ts",
  "findable.spec.ts",
  "numbers.spec.ts",
  "risks-explain.spec.ts",
] as const;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Matches a path of one of the read lane's specs. */
export const READ_LANE = new RegExp(`(^|[\\\\/])(${READ_LANE_SPECS.map(escape).join("|")})$`);

/** Signed-in admin sessions the setup specs write and the lanes read. */
export const AUTH_FILES = {
  app: "test-results/.auth/admin.json",
  read: "test-results/.auth/read-admin.json",
} as const;
