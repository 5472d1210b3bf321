"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState, type FormEvent } from "react";
import { SignInInput } from "@/lib/schemas/user";
import { credentialsSignIn } from "./credentials-sign-in";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/field";
import { useFormErrors } from "@/components/forms/use-form-errors";

const FIELDS = ["email", "password"] as const;

/** While the limit holds, the button stays disabled; it comes back by itself when the wait is over. */
function useBlockedUntil(): [number | null, (until: number) => void] {
  const [until, setUntil] = useState<number | null>(null);
  useEffect(() => {
    if (until === null) return;
    const timer = setTimeout(() => setUntil(null), Math.max(0, until - Date.now()));
    return () => clearTimeout(timer);
  }, [until]);
  return [until, setUntil];
}

export function LoginForm({ callbackUrl, autoFocus = true, secondary = false }: { callbackUrl: string; autoFocus?: boolean; secondary?: boolean }) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const { errors, fieldId, showZod, showIssues, clear } = useFormErrors("login", FIELDS);
  const mutation = useMutation({ mutationFn: (input: SignInInput) => credentialsSignIn(input, callbackUrl) });
  const [blockedUntil, blockUntil] = useBlockedUntil();

  function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    const parsed = SignInInput.safeParse({ email, password });
    if (!parsed.success) return showZod(parsed.error);
    mutation.mutate(parsed.data, {
      onSuccess: (outcome) => {
        if (outcome.kind === "ok") {
          router.replace(callbackUrl);
          router.refresh();
        } else if (outcome.kind === "wrong") {
          showIssues([], "Wrong e-mail or password");
        } else if (outcome.kind === "passwords_off") {
          showIssues([], "Password sign-in is turned off for your account: use the identity provider's button above.");
        } else if (outcome.kind === "limited") {
          blockUntil(Date.now() + outcome.retryAfterSeconds * 1000);
          showIssues([], outcome.message);
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
        autoFocus={autoFocus}
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
      <SubmitButton variant={secondary ? "secondary" : "primary"} pending={mutation.isPending || (mutation.isSuccess && mutation.data.kind === "ok") || blockedUntil !== null}>Sign in</SubmitButton>
    </form>
  );
}
