// DTO types of the JSON API, in one place for client code (lib/dto holds them; nothing here
// reaches into lib/server).
export type { ServiceDto, ServiceOption } from "@/lib/dto/services";
export type { TierDto } from "@/lib/dto/tiers";
export type { UserDto } from "@/lib/dto/users";
export type { ApiTokenDto } from "@/lib/dto/tokens";
export type { AuditEventDto } from "@/lib/dto/audit";
export type { SettingsDto } from "@/lib/dto/settings";
export type { IncidentDto, IncidentDetailDto, TimelineEventDto, ImpactDto, ImpactCostDto } from "@/lib/dto/incidents";
export type { ActionItemDto } from "@/lib/dto/action-items";
export type { AvailabilitySummaryDto, ServiceAvailabilityDto, ServiceFailureDto, SeriesDto, SeriesEntryDto } from "@/lib/dto/availability";

export type Role = "viewer" | "editor" | "admin";
