// The part of autocannon's API the load run uses (the package ships no types).
declare module "autocannon" {
  type Request = { method?: string; path: string; headers?: Record<string, string> };
  type Options = { url: string; connections: number; duration: number; requests?: Request[]; headers?: Record<string, string>; timeout?: number };
  type Result = { requests: { total: number; average: number }; errors: number; timeouts: number; non2xx: number; duration: number };
  type Instance = Promise<Result> & { on(event: "response", fn: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): void };
  function autocannon(options: Options): Instance;
  export default autocannon;
}
