import { z } from "zod";

// Shared by the server (400 bodies) and forms (messages beside fields), so both say the same.
export type FieldIssue = { path: string; message: string };

export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.flatMap((issue) => {
    const base = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        path: base ? `${base}.${key}` : key,
        message: "Unknown field",
      }));
    }
    return [{ path: base, message: issue.message }];
  });
}
