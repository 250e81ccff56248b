/** A request the room refuses: its status and a one-line reason, sent as `{"error": reason}`. */
export class RequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
