/** Types of redis-server.mjs (a real redis-server for tests, the bench and the soak). */
export interface TestRedis {
  readonly port: number;
  readonly url: string;
  /** Starts it again (same port) after `stop()`. */
  start(): Promise<void>;
  /** Stops it (SIGTERM, waits for the exit); its data is gone. */
  stop(): Promise<void>;
  /** Freezes it (SIGSTOP): connections stay open, nothing answers (a hung Redis). */
  pause(): void;
  /** Lets a paused server go on (SIGCONT). */
  resume(): void;
  readonly running: boolean;
}

/** Starts a Redis server on a free port (or `port`). Call `stop()` when done. */
export function startTestRedis(options?: { port?: number }): Promise<TestRedis>;
