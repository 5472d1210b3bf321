"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { isStaleVersion, ReloadLatest } from "@/components/forms/stale-version";
import { FormAlert, FormSuccess } from "@/components/forms/form-alert";
import { SelectField, TextAreaField, TextField } from "@/components/forms/field";
import { MaintenanceOptions, SloWindowOptions } from "@/components/forms/slo-options";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { targetPercentProblem } from "@/lib/domain/percent-input";
import { percentTextToRatio, percentText } from "@/components/format";
import { useCreateTier, useUpdateTier } from "@/lib/query/mutations";
import type { TierDto } from "@/lib/query/types";
import { zodIssues } from "@/lib/schemas/issues";
import { TierInput, TierUpdate } from "@/lib/schemas/tier";

const FIELDS = ["rank", "name", "sloTarget", "sloWindow", "maintenance", "description"] as const;

type Values = { rank: string; name: string; sloTarget: string; sloWindow: string; maintenance: string; description: string };

function initial(tier: TierDto | undefined, suggestedRank: number): Values {
  return tier
    ? { rank: String(tier.rank), name: tier.name, sloTarget: percentText(tier.sloTarget), sloWindow: tier.sloWindow, maintenance: tier.maintenance, description: tier.description }
    : { rank: String(suggestedRank), name: "", sloTarget: "", sloWindow: "rolling:30d", maintenance: "count", description: "" };
}

// Whole numbers only for rank; anything else becomes NaN so the shared schema rejects it.
const toRank = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);

export function TierForm({ tier, suggestedRank = 1 }: { tier?: TierDto; suggestedRank?: number }) {
  const router = useRouter();
  const mode = tier ? "edit" : "create";
  const [values, setValues] = useState<Values>(() => initial(tier, suggestedRank));
  const [created, setCreated] = useState<string | null>(null);
  const { errors, fieldId, showIssues, showApi, clear } = useFormErrors(tier ? "edit-tier" : "new-tier", FIELDS);
  const create = useCreateTier();
  const update = useUpdateTier(tier?.id ?? "");
  const set = (key: keyof Values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    setCreated(null);
    const sloTarget = percentTextToRatio(values.sloTarget);
    const payload = {
      rank: toRank(values.rank),
      name: values.name,
      description: values.description,
      // An empty target is "missing" (undefined), so the schema says Required-style text.
      sloTarget: sloTarget ?? undefined,
      sloWindow: values.sloWindow,
      maintenance: values.maintenance as "count" | "exclude",
    };
    const parsed = tier ? TierUpdate.safeParse({ ...payload, version: tier.version }) : TierInput.safeParse(payload);
    if (!parsed.success) {
      // The form speaks percent: its own message for the target, in percent, not the API's ratio.
      const issues = zodIssues(parsed.error).map((i) =>
        i.path === "sloTarget" ? { ...i, message: targetPercentProblem(sloTarget, true) ?? i.message } : i,
      );
      return showIssues(issues, null);
    }
    if (tier) {
      update.mutate(parsed.data as TierUpdate, { onError: showApi, onSuccess: () => router.push("/settings/tiers") });
    } else {
      create.mutate(parsed.data as TierInput, {
        onError: showApi,
        onSuccess: (saved) => {
          setCreated(`Created Tier ${saved.rank} · ${saved.name}.`);
          setValues(initial(undefined, saved.rank + 1));
        },
      });
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <FormAlert message={errors.form} details={errors.details}>
        {isStaleVersion(update.error) && <ReloadLatest />}
      </FormAlert>
      <FormSuccess message={created} />
      <div className="form-grid">
        <TextField id={fieldId("rank")} label="Rank" inputMode="numeric" value={values.rank} onChange={set("rank")} error={errors.fields.rank} hint="1 is the most critical." required />
        <TextField id={fieldId("name")} label="Name" value={values.name} onChange={set("name")} error={errors.fields.name} placeholder="Critical" required />
        <TextField
          id={fieldId("sloTarget")}
          label="SLO target (%)"
          inputMode="decimal"
          value={values.sloTarget}
          onChange={set("sloTarget")}
          error={errors.fields.sloTarget}
          placeholder="99.9"
          hint="Default for services in this tier, e.g. 99.95."
          required
        />
        <SelectField id={fieldId("sloWindow")} label="SLO window" value={values.sloWindow} onChange={set("sloWindow")} error={errors.fields.sloWindow}>
          <SloWindowOptions current={values.sloWindow} />
        </SelectField>
        <SelectField id={fieldId("maintenance")} label="Maintenance" value={values.maintenance} onChange={set("maintenance")} error={errors.fields.maintenance}>
          <MaintenanceOptions />
        </SelectField>
        <TextAreaField
          id={fieldId("description")}
          label="Description"
          className="span-all"
          rows={2}
          value={values.description}
          onChange={set("description")}
          error={errors.fields.description}
          placeholder="Which services belong here, e.g. revenue depends on them"
          optional
        />
      </div>
      <div className="button-row">
        <SubmitButton pending={mode === "create" ? create.isPending : update.isPending}>{mode === "create" ? "Create tier" : "Save changes"}</SubmitButton>
        {tier && (
          <Link className="btn btn-ghost" href="/settings/tiers">
            Cancel
          </Link>
        )}
      </div>
    </form>
  );
}
