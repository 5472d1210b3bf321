"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useSetupMutation } from "@/lib/query/mutations";
import { ApiError } from "@/lib/query/api";
import { SetupInput } from "@/lib/schemas/user";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/field";
import { useFormErrors } from "@/components/forms/use-form-errors";

const FIELDS = ["name", "email", "password", "confirm", "demo"] as const;

export function SetupForm() {
  const router = useRouter();
  const [values, setValues] = useState({ name: "", email: "", password: "", confirm: "" });
  const [demo, setDemo] = useState(false);
  const [signingIn, setSigningIn] = useState(false);
  const { errors, fieldId, showZod, showApi, showIssues, clear } = useFormErrors("setup", FIELDS);
  const mutation = useSetupMutation();
  const set = (key: keyof typeof values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    const parsed = SetupInput.safeParse({ name: values.name, email: values.email, password: values.password, demo });
    if (!parsed.success) return showZod(parsed.error);
    if (values.confirm !== values.password) return showIssues([{ path: "confirm", message: "Does not match the password" }], null);
    mutation.mutate(parsed.data, {
      onError: showApi,
      onSuccess: async () => {
        setSigningIn(true);
        const res = await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
        if (res?.ok && !res.error) {
          router.replace("/");
          router.refresh();
        } else {
          // The account exists; only the automatic sign-in failed. Send them to sign in by hand.
          router.replace("/login");
        }
      },
    });
  }

  const alreadySetUp = mutation.error instanceof ApiError && mutation.error.status === 409;

  return (
    <form className="form" onSubmit={submit} noValidate>
      <FormAlert message={errors.form} details={errors.details}>
        {alreadySetUp && (
          <p>
            <Link href="/login">Go to sign in</Link>
          </p>
        )}
      </FormAlert>
      <TextField id={fieldId("name")} label="Name" autoComplete="name" value={values.name} onChange={set("name")} error={errors.fields.name} required autoFocus />
      <TextField id={fieldId("email")} label="Email" type="email" autoComplete="username" value={values.email} onChange={set("email")} error={errors.fields.email} required />
      <TextField
        id={fieldId("password")}
        label="Password"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters. A passphrase of a few words works well."
        value={values.password}
        onChange={set("password")}
        error={errors.fields.password}
        required
      />
      <TextField id={fieldId("confirm")} label="Confirm password" type="password" autoComplete="new-password" value={values.confirm} onChange={set("confirm")} error={errors.fields.confirm} required />
      <div className="field">
        <label className="check">
          <input type="checkbox" id={fieldId("demo")} checked={demo} onChange={(e) => setDemo(e.target.checked)} aria-describedby={`${fieldId("demo")}-hint`} />
          Fill with a demo organisation
        </label>
        <p id={`${fieldId("demo")}-hint`} className="field-hint">
          An online grocer&apos;s twelve services with six months of incidents, risks and weekly reviews, so that every page has something to show. For trying Nines out; to start for real, set it up again on a new, empty database.
        </p>
      </div>
      <SubmitButton pending={mutation.isPending || signingIn}>Create admin account</SubmitButton>
      <p className="field-hint" role="status">
        {mutation.isPending && demo ? "Creating your account and the demo organisation: this takes up to a minute." : ""}
      </p>
    </form>
  );
}
