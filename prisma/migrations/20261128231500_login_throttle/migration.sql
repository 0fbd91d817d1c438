-- Login throttling counts the audited failures of the last minutes, per account and per address
-- (lib/data/user/authenticate-user.ts): these partial indexes keep that a short index range scan however long
-- the audit trail grows.
CREATE INDEX "AuditLog_login_failed_username_idx" ON "AuditLog" ((after ->> 'username'), at) WHERE action = 'auth.login_failed';
CREATE INDEX "AuditLog_login_failed_ip_idx" ON "AuditLog" (ip, at) WHERE action = 'auth.login_failed';
