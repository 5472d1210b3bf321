// Response schemas of the action-items API and their types, shared by the server, the client
// hooks, components and the API document.
import { z } from "zod";
import { ACTION_ITEM_STATUSES } from "@/lib/domain/action-items";
import { DateText, InstantText, NextCursor, Total } from "./common";

export const ActionItemDto = z.strictObject({
  id: z.string(),
  title: z.string(),
  owner: z.string(),
  /** YYYY-MM-DD in the organisation's zone, or null. */
  dueDate: DateText.nullable(),
  status: z.enum(ACTION_ITEM_STATUSES),
  /** Open and due before today in the organisation's zone. */
  overdue: z.boolean(),
  incident: z.strictObject({ id: z.string(), reference: z.string(), title: z.string() }).nullable(),
  risk: z.strictObject({ id: z.string(), reference: z.string(), title: z.string() }).nullable(),
  completedAt: InstantText.nullable(),
  version: z.int(),
  createdAt: InstantText,
  updatedAt: InstantText,
});
export type ActionItemDto = z.infer<typeof ActionItemDto>;

/** `GET /api/v1/action-items`: one page, and how many match. */
export const ActionItemListDto = z.strictObject({ actionItems: z.array(ActionItemDto), nextCursor: NextCursor, total: Total });
export type ActionItemListDto = z.infer<typeof ActionItemListDto>;
