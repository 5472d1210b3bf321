// Responses of the routes about Nines itself: health, readiness and the API document.
import { z } from "zod";
import { Count } from "./common";

/** `GET /api/health`: the process is up (no database access). */
export const HealthDto = z.strictObject({ status: z.literal("ok"), uptimeSeconds: Count });
export type HealthDto = z.infer<typeof HealthDto>;

const Migrations = z.strictObject({ applied: Count, pending: z.array(z.string()), failed: z.array(z.string()) });

/** `GET /api/ready` 200: the database answers and every migration on disk is applied. */
export const ReadyDto = z.strictObject({ status: z.literal("ready"), database: z.literal("reachable"), migrations: Migrations });
export type ReadyDto = z.infer<typeof ReadyDto>;

/**
 * `GET /api/ready` 503: migrations are pending or failed (the names of those on disk not applied
 * yet, and of those that failed), or the database does not answer.
 */
export const NotReadyDto = z.union([
  z.strictObject({ status: z.literal("migrations_pending"), database: z.literal("reachable"), migrations: Migrations }),
  z.strictObject({ status: z.literal("unavailable"), database: z.literal("unreachable") }),
]);
export type NotReadyDto = z.infer<typeof NotReadyDto>;

/** `GET /api/v1/openapi.json`: an OpenAPI 3.1 document (its inner shape is OpenAPI's). */
export const OpenApiDocumentDto = z.strictObject({
  openapi: z.literal("3.1.0"),
  info: z.strictObject({ title: z.string(), version: z.string(), description: z.string() }),
  servers: z.array(z.strictObject({ url: z.string() })),
  security: z.array(z.record(z.string(), z.array(z.string()))),
  components: z.strictObject({
    securitySchemes: z.record(z.string(), z.record(z.string(), z.unknown())),
    schemas: z.record(z.string(), z.record(z.string(), z.unknown())),
    responses: z.record(z.string(), z.record(z.string(), z.unknown())),
  }),
  paths: z.record(z.string(), z.record(z.string(), z.record(z.string(), z.unknown()))),
});
export type OpenApiDocumentDto = z.infer<typeof OpenApiDocumentDto>;
