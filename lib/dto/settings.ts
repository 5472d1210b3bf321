// Response types of the settings API, shared by the server, the client hooks and components.

export type SettingsDto = {
  name: string;
  timeZone: string;
  riskThreshold: number;
  /** Days between risk reviews per level (CRITICAL 7, HIGH 14, MEDIUM 30, LOW 90 by default). */
  riskReviewCadence: Record<"CRITICAL" | "HIGH" | "MEDIUM" | "LOW", number>;
  /** /metrics answers without a token. */
  metricsPublic: boolean;
  /** Days of probe runs kept. */
  probeRetentionDays: number;
  version: number;
  updatedAt: string;
};
