import { defineConfig } from "prisma/config";

// The CLI is used only for `prisma generate`; migrations run through the WebAssembly schema
// engine (scripts/db/), so no datasource URL is needed here.
export default defineConfig({
  schema: "prisma/schema.prisma",
});
