// The two ways a command fails, and the exit codes they map to: 2 for a usage error (nothing was
// sent), 1 for an API or network error.
export const EXIT_OK = 0;
export const EXIT_API = 1;
export const EXIT_USAGE = 2;

/** A mistake on the command line or in the configuration; nothing has been sent. */
export class UsageError extends Error {
  /** @override */
  name = 'UsageError';
  /** @param {string} message @param {string} [hint] where to read more, e.g. `vps servers create --help` */
  constructor(message, hint) {
    super(message);
    this.hint = hint;
  }
}
