"use client";

import { useCallback, useState } from "react";
import type { z } from "zod";
import { ApiError } from "@/lib/query/api";
import { zodIssues, type FieldIssue } from "@/lib/schemas/issues";

export type FormErrorState = {
  fields: Record<string, string>;
  form: string | null;
  /** Issues that belong to no visible field: listed in the form-level alert so none is lost. */
  details: string[];
};

const EMPTY: FormErrorState = { fields: {}, form: null, details: [] };

/**
 * Turns zod and API errors into messages beside fields plus one form-level alert, and moves
 * focus to the first invalid field so keyboard and screen-reader users land on the problem.
 * Field ids follow `${formId}-${field}`.
 */
export function useFormErrors<F extends string>(formId: string, fieldOrder: readonly F[]) {
  const [errors, setErrors] = useState<FormErrorState>(EMPTY);

  const fieldId = useCallback((field: F) => `${formId}-${field}`, [formId]);

  const show = useCallback(
    (issues: FieldIssue[], formMessage: string | null) => {
      const fields: Record<string, string> = {};
      const details: string[] = [];
      for (const issue of issues) {
        // "dependsOn.3" belongs to the dependsOn field; "" (whole body) to the form.
        const head = issue.path.split(".")[0] ?? "";
        if ((fieldOrder as readonly string[]).includes(head)) fields[head] ??= issue.message;
        else details.push(issue.path ? `${issue.path}: ${issue.message}` : issue.message);
      }
      const hasFieldErrors = Object.keys(fields).length > 0;
      setErrors({
        fields,
        form: formMessage ?? (details.length || hasFieldErrors ? "Check the highlighted fields." : null),
        details,
      });
      const first = fieldOrder.find((f) => fields[f]);
      if (first) requestAnimationFrame(() => document.getElementById(fieldId(first))?.focus());
    },
    [fieldOrder, fieldId],
  );

  const showZod = useCallback((error: z.ZodError) => show(zodIssues(error), null), [show]);

  const showApi = useCallback(
    (error: unknown) => {
      if (!(error instanceof ApiError)) {
        show([], "Something went wrong. Try again.");
        return;
      }
      if (error.status === 400) {
        show(error.issues, null); // the field messages say it all
        return;
      }
      // 409 and others: the server's sentence leads; extra issues only where a field shows them
      // (e.g. slug "already exists"), not internals like "version: stale version".
      const known = error.issues.filter((i) => (fieldOrder as readonly string[]).includes(i.path.split(".")[0] ?? ""));
      show(known, error.message);
    },
    [show, fieldOrder],
  );

  const clear = useCallback(() => setErrors(EMPTY), []);
  const setField = useCallback(
    (field: F, message: string) => show([{ path: field, message }], null),
    [show],
  );

  return { errors, fieldId, showZod, showApi, showIssues: show, setField, clear };
}
