import type { z } from "zod";

/** A success response: its JSON body's schema, and/or the text media types it may be sent as instead. */
export type Reply = { json?: z.ZodType; text?: readonly string[] };

export const ok = (json: z.ZodType): Partial<Record<200 | 201, Reply>> => ({ 200: { json } });
export const created = (json: z.ZodType): Partial<Record<200 | 201, Reply>> => ({ 201: { json } });
