// DTO types of the JSON API, re-exported in one place so client code never reaches into
// lib/server (type-only: erased at build, nothing server-side ships to the browser).
export type { ServiceDto, ServiceOption } from "@/lib/server/services";
export type { TierDto } from "@/lib/server/tiers";
export type { UserDto } from "@/lib/server/users";
export type { ApiTokenDto } from "@/lib/server/api-tokens";
export type { AuditEventDto } from "@/lib/server/audit";
export type { SettingsDto } from "@/lib/server/settings";
export type { Actor } from "@/lib/server/auth/actor";

export type Role = "viewer" | "editor" | "admin";
export type { IncidentDto, IncidentDetailDto, TimelineEventDto, ImpactDto } from "@/lib/server/incidents-read";
export type { ImpactCostDto } from "@/lib/server/incident-costs";
export type { ActionItemDto } from "@/lib/server/action-items";
