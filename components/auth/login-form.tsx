"use client";

import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { SignInInput } from "@/lib/schemas/user";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/field";
import { useFormErrors } from "@/components/forms/use-form-errors";

const FIELDS = ["email", "password"] as const;

type Outcome = "ok" | "wrong" | "failed";

async function credentialsSignIn(input: SignInInput): Promise<Outcome> {
  const res = await signIn("credentials", { ...input, redirect: false });
  if (res?.ok && !res.error) return "ok";
  // next-auth reports bad credentials as 401 "CredentialsSignin"; anything else is an outage.
  return res?.error === "CredentialsSignin" || res?.status === 401 ? "wrong" : "failed";
}

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const { errors, fieldId, showZod, showIssues, clear } = useFormErrors("login", FIELDS);
  const mutation = useMutation({ mutationFn: credentialsSignIn });

  function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    const parsed = SignInInput.safeParse({ email, password });
    if (!parsed.success) return showZod(parsed.error);
    mutation.mutate(parsed.data, {
      onSuccess: (outcome) => {
        if (outcome === "ok") {
          router.replace(callbackUrl);
          router.refresh();
        } else if (outcome === "wrong") {
          showIssues([], "Wrong e-mail or password");
        } else {
          showIssues([], "Could not sign in right now. Try again in a moment.");
        }
      },
      onError: () => showIssues([], "Could not reach Nines. Check your connection and try again."),
    });
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <FormAlert message={errors.form} />
      <TextField
        id={fieldId("email")}
        label="Email"
        type="email"
        autoComplete="username"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={errors.fields.email}
        required
        autoFocus
      />
      <TextField
        id={fieldId("password")}
        label="Password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errors.fields.password}
        required
      />
      <SubmitButton pending={mutation.isPending || (mutation.isSuccess && mutation.data === "ok")}>Sign in</SubmitButton>
    </form>
  );
}
