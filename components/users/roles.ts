// What each role may do, in words, for hints beside role pickers (the server enforces it).
export const ROLE_HELP = {
  viewer: "Reads everything; changes nothing.",
  editor: "Also creates and edits services, incidents and risks.",
  admin: "Also manages tiers, users, API tokens and settings.",
} as const;
