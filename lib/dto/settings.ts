// Response types of the settings API, shared by the server, the client hooks and components.

export type SettingsDto = {
  name: string;
  timeZone: string;
  riskThreshold: number;
  version: number;
  updatedAt: string;
};
