import { spawn } from "node:child_process";

/** First pause before restarting a child that died; doubles per quick death, up to MAX_RESTART_DELAY_MS. */
export const FIRST_RESTART_DELAY_MS = 500;
export const MAX_RESTART_DELAY_MS = 15_000;
/** A child that ran at least this long before dying is restarted after the first pause again. */
const STABLE_AFTER_MS = 30_000;

/**
 * Runs one child process and starts it again whenever it dies, until stop(): each supervised
 * child lives on its own, so the death of one never touches another. Output lines go to
 * `onOutput` (stdout) and to the parent's stderr (stderr); `log` reports deaths and restarts.
 */
export function supervise({ name, command, args, cwd, env, onOutput = (chunk) => process.stdout.write(chunk), log = console.log }) {
  let child;
  let stopping = false;
  let restarts = 0;
  let delayMs = FIRST_RESTART_DELAY_MS;
  let timer;
  const listeners = new Set();

  function launch() {
    const startedAt = Date.now();
    const current = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    child = current;
    current.stdout.on("data", (chunk) => onOutput(chunk));
    current.stderr.on("data", (chunk) => process.stderr.write(chunk));
    current.on("error", (error) => log(`${name} could not start: ${error.message}`));
    current.on("exit", (code, signal) => {
      if (stopping) return;
      if (Date.now() - startedAt >= STABLE_AFTER_MS) delayMs = FIRST_RESTART_DELAY_MS;
      log(`${name} stopped (${signal ?? code}); starting it again in ${(delayMs / 1000).toFixed(1)} s.`);
      timer = setTimeout(() => {
        if (stopping) return;
        restarts += 1;
        launch();
        for (const listener of listeners) listener(child);
      }, delayMs);
      delayMs = Math.min(MAX_RESTART_DELAY_MS, delayMs * 2);
    });
  }

  launch();
  return {
    name,
    get pid() {
      return child?.pid;
    },
    get restarts() {
      return restarts;
    },
    /** Called with the new child after every restart. */
    onRestart(listener) {
      listeners.add(listener);
    },
    /** Stops supervising and ends the child (SIGTERM, SIGKILL after `graceMs`). */
    stop(graceMs = 5_000) {
      stopping = true;
      clearTimeout(timer);
      const current = child;
      if (current === undefined || current.exitCode !== null || current.signalCode !== null) return Promise.resolve();
      return new Promise((resolve) => {
        const kill = setTimeout(() => current.kill("SIGKILL"), graceMs);
        current.once("exit", () => {
          clearTimeout(kill);
          resolve();
        });
        current.kill("SIGTERM");
      });
    },
  };
}
