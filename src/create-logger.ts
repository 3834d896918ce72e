/** The service's structured logger (pino, JSON lines on standard output). */
import { pino, type Logger, type LevelWithSilent } from 'pino';

/** Creates the logger every service process uses; `name` tells the API from the workers in shared logs. */
export function createLogger(name: string, level: LevelWithSilent = 'info'): Logger {
  return pino({ name, level, base: { pid: process.pid } });
}
