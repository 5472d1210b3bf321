// Response types of the action-items API, shared by the server, the client hooks and components.
import type { ActionItemStatus } from "@/lib/domain/action-items";

export type ActionItemDto = {
  id: string;
  title: string;
  owner: string;
  /** YYYY-MM-DD in the organisation's zone, or null. */
  dueDate: string | null;
  status: ActionItemStatus;
  /** Open and due before today in the organisation's zone. */
  overdue: boolean;
  incident: { id: string; reference: string; title: string } | null;
  risk: { id: string; reference: string; title: string } | null;
  completedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};
