import { z } from "zod";
import { HttpUrl, Name, PlainString, Version } from "./common";
import { Email } from "./user";

const ServiceRef = PlainString("Must be a service id or slug").trim().min(1, { error: "Must not be empty" }).max(200, { error: "Must be at most 200 characters" });

/** A component: a public name for one or more services (stored by id, so renaming a service keeps it). */
export const StatusComponentInput = z.strictObject({
  name: Name.max(80, { error: "Must be at most 80 characters" }),
  services: z.array(ServiceRef, { error: "Must be a list of service ids or slugs" }).min(1, { error: "Name at least one service" }).max(200, { error: "At most 200 services" }),
});

export const StatusPageUpdate = z
  .strictObject({
    enabled: z.boolean({ error: "Must be true or false" }).optional(),
    title: Name.max(120).optional(),
    components: z.array(StatusComponentInput, { error: "Must be a list of components" }).max(2000, { error: "At most 2000 components" }).optional(),
    version: Version,
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.components?.forEach((c, i) => {
      const key = c.name.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["components", i, "name"], message: "Another component has this name" });
      seen.add(key);
    });
  });
export type StatusPageUpdate = z.infer<typeof StatusPageUpdate>;

/** `POST /status/subscribe` (a form or JSON): an email address to confirm, or a public webhook. */
export const StatusSubscribe = z
  .strictObject({
    email: Email.optional(),
    webhook: HttpUrl("https://hooks.example.com/status", { credentials: "Must not carry a user name or password" }).optional(),
  })
  .superRefine((s, ctx) => {
    if (!s.email && !s.webhook) ctx.addIssue({ code: "custom", path: ["email"], message: "Give an e-mail address (or a webhook URL)" });
    if (s.email && s.webhook) ctx.addIssue({ code: "custom", path: ["webhook"], message: "Give an e-mail address or a webhook URL, not both" });
  })
  .transform((s): { email: string } | { webhook: string } => (s.email ? { email: s.email } : { webhook: s.webhook as string }));
export type StatusSubscribe = z.infer<typeof StatusSubscribe>;

/** The signed token of a subscriber's confirm or unsubscribe link. */
export const SubscriberLinkQuery = z.strictObject({ token: PlainString().max(300).optional() });
