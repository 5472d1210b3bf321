// Pieces every response schema is made of. A response schema is strict (a key it does not name
// fails), and a DTO's type is `z.infer` of its schema, so the type, the OpenAPI document and the
// integration tests' check of every response cannot tell different stories (docs/conventions.md).
import { z } from "zod";

/**
 * An instant as the API writes it: `Date#toISOString`, UTC with milliseconds. Years past 9999
 * take the expanded form (`+010000-01-01T00:00:00.000Z`): the end of the window `year:9999`.
 */
export const InstantText = z
  .string()
  .regex(/^(?:\d{4}|\+\d{6})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/)
  .meta({ description: "An ISO 8601 instant in UTC, e.g. 2026-04-03T10:00:00.000Z" });

/** A calendar day, YYYY-MM-DD (in the organisation's zone where it stands for a day there). */
export const DateText = z.iso.date();

/** A count of things: a whole number, never negative. */
export const Count = z.int().nonnegative();

export const RoleText = z.enum(["viewer", "editor", "admin"]);
export const MaintenanceText = z.enum(["count", "exclude"]);

/** A deleted entity's answer. */
export const Deleted = z.strictObject({ deleted: z.literal(true), id: z.string() });
export type Deleted = z.infer<typeof Deleted>;

/** The cursor of the next page, or null on the last one. */
export const NextCursor = z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page" });

/** Every match of the filters, not only the ones on this page. */
export const Total = Count.meta({ description: "How many match the filters, over every page" });

/**
 * Compiles only when A and B are the same type (each assignable to the other): ties a schema to
 * the domain type it describes, so neither can change alone.
 */
export type SameType<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export function assertSameType<A, B>(ok: SameType<A, B>): void {
  void ok;
}
