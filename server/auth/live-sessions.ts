/**
 * What the socket layer must do when access ends: the HTTP side calls these, the io side implements them
 * (disconnecting the sockets in the session's or user's room, across nodes through the adapter).
 */
export interface LiveSessions {
  /** A session was destroyed (logout): close the sockets opened with it. */
  endSession(sessionId: string): void;
  /** A user's access changed (disabled, role or regions changed, password reset): close all their sockets. */
  endUser(userId: string): void;
}
