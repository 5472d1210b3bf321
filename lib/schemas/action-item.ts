import { z } from "zod";
import { ACTION_ITEM_STATUSES, isDateText } from "@/lib/domain/action-items";
import { BooleanFlag, Name, PlainString, QueryInt, Slug, Text, Version } from "./common";

export const ActionItemStatus = z.enum(ACTION_ITEM_STATUSES, { error: "Must be open, done or wont_do" });

/** A calendar date, YYYY-MM-DD, in the organisation's zone (due dates have no time of day). */
export const DateOnly = z
  .string({ error: "Must be a date, e.g. 2026-12-24" })
  .trim()
  .refine(isDateText, { error: "Must be a date on the calendar, e.g. 2026-12-24" })
  .refine((d) => d >= "1970-01-01" && d <= "9999-12-31", { error: "Must be between 1970-01-01 and 9999-12-31" });

/** An incident by id or by its reference (INC-42). */
const IncidentRef = PlainString("Must be an incident id or reference, e.g. INC-42").trim().min(1).max(64);
/** A risk by id or by its reference (RISK-12). */
const RiskRef = PlainString("Must be a risk id or reference, e.g. RISK-12").trim().min(1).max(64);

const fields = {
  title: Name,
  owner: Text(120).optional(),
  dueDate: DateOnly.nullish(),
  status: ActionItemStatus.optional(),
  incident: IncidentRef.nullish(),
  risk: RiskRef.nullish(),
};

export const ActionItemInput = z.strictObject(fields);
export type ActionItemInput = z.infer<typeof ActionItemInput>;

export const ActionItemUpdate = z.strictObject({ ...fields, title: Name.optional(), version: Version });
export type ActionItemUpdate = z.infer<typeof ActionItemUpdate>;

export const ActionItemListQuery = z.strictObject({
  status: z
    .string()
    .transform((s) => s.split(",").map((v) => v.trim()).filter(Boolean))
    .refine((list): list is (typeof ACTION_ITEM_STATUSES)[number][] => list.every((v) => (ACTION_ITEM_STATUSES as readonly string[]).includes(v)), {
      error: "Must be open, done or wont_do, comma-separated",
    })
    .optional(),
  owner: PlainString().trim().max(120).optional(),
  overdue: BooleanFlag.optional(),
  incident: IncidentRef.optional(),
  risk: RiskRef.optional(),
  /** Items from an incident that hit the service or from a risk to it. */
  service: Slug.optional(),
  /** Due on or after / on or before these dates (items without a due date never match them). */
  dueAfter: DateOnly.optional(),
  dueBefore: DateOnly.optional(),
  /** `none`: only items without a due date. */
  dueDate: z.enum(["none"], { error: "Must be none (items without a due date)" }).optional(),
  cursor: PlainString().max(64).optional(),
  limit: QueryInt(1, 200).optional(),
});
export type ActionItemListQuery = z.infer<typeof ActionItemListQuery>;
