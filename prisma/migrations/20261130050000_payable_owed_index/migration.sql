-- What is owed now per OPD (lib/data/dashboard/get-days-to-pay.ts owedNowSql) read from the unpaid payables alone:
-- a partial index covering the columns the sums need, so the dashboards read a few thousand index entries instead of
-- every delivered order's payable (npm run bench:dashboard: 800,000 payables, 4 % unpaid).
CREATE INDEX "Payable_owed_opd" ON "Payable"("opdId", "bastAt") INCLUDE (amount, "paidGross") WHERE "paidOn" IS NULL;
