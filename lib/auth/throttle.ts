// Login throttling (SECURITY.md): failed sign-ins are already audited (auth.login_failed, with the attempted
// username and the client address), so the audit trail itself is the counter — in PostgreSQL, shared by every
// app instance. Past the limit, sign-in is refused without checking the password until the window has moved on.
export const LOGIN_WINDOW_MINUTES = 15;
/** Failed sign-ins to one account within the window before it is refused. */
export const LOGIN_MAX_FAILURES_PER_ACCOUNT = 10;
/** Failed sign-ins from one address within the window (higher: an office shares one address). */
export const LOGIN_MAX_FAILURES_PER_IP = 50;
