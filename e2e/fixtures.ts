export const ADMIN = {
  name: "Ada Admin",
  email: "ada@example.test",
  password: "correct horse battery staple",
};

export function adminToken(): string {
  const token = process.env.E2E_ADMIN_TOKEN;
  if (!token) throw new Error("E2E_ADMIN_TOKEN is not set: run the suite with `npm run test:e2e`");
  return token;
}

let n = 0;
export function unique(prefix: string): string {
  n += 1;
  return `${prefix}-${Date.now().toString(36)}-${n}`;
}
