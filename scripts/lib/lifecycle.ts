// Process supervision for `npm start` / `npm run dev`: run children (next build, next start),
// and on Ctrl-C (SIGINT), SIGTERM or SIGHUP stop the running child first, then run the cleanups
// (the embedded database) in reverse order, and exit 0. No orphaned processes.
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import os from "node:os";

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
/** How long a child gets to exit after the signal before it is killed. */
const CHILD_GRACE_MS = 15_000;

export class Lifecycle {
  /** Set once a stop signal arrived; callers check it between start-up steps. */
  stopping = false;
  private readonly cleanups: (() => Promise<void>)[] = [];
  private child: ChildProcess | undefined;

  constructor(private readonly log: (message: string) => void) {
    for (const signal of SIGNALS) process.on(signal, () => this.onSignal(signal));
  }

  /** Run `fn` at shutdown (last registered, first run). */
  onCleanup(fn: () => Promise<void>): void {
    this.cleanups.push(fn);
  }

  private onSignal(signal: NodeJS.Signals): void {
    if (this.stopping) {
      this.child?.kill("SIGKILL"); // a second Ctrl-C: stop waiting for the child
      return;
    }
    this.stopping = true;
    this.log(`${signal} received, shutting down`);
    if (this.child) this.stopChild(this.child, signal);
  }

  private stopChild(child: ChildProcess, signal: NodeJS.Signals): void {
    // In a terminal the child got the same SIGINT from the terminal already; forwarding covers
    // SIGTERM from a process manager, which reaches only us.
    child.kill(signal);
    const timer = setTimeout(() => child.kill("SIGKILL"), CHILD_GRACE_MS);
    child.once("exit", () => clearTimeout(timer));
  }

  /** Spawn a child with inherited stdio; resolves with its exit code (a signal maps to 128+n). */
  run(command: string, args: string[], options: SpawnOptions = {}): Promise<number> {
    return new Promise((resolve, reject) => {
      const child = spawn(command, args, { stdio: "inherit", ...options });
      this.child = child;
      child.once("error", (error) => {
        this.child = undefined;
        reject(error);
      });
      child.once("exit", (code, signal) => {
        this.child = undefined;
        resolve(code ?? 128 + (signal ? os.constants.signals[signal] : 0));
      });
      if (this.stopping) this.stopChild(child, "SIGTERM"); // the signal came while spawning
    });
  }

  /** Run the cleanups; safe to call more than once. */
  async cleanup(): Promise<void> {
    while (this.cleanups.length) {
      const fn = this.cleanups.pop()!;
      await fn().catch((error: unknown) => this.log(`cleanup failed: ${error instanceof Error ? error.message : error}`));
    }
  }
}
