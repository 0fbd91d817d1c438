-- Single-use enrolment codes another admin issues for setting up an authenticator (issue 16, item 11); only hashes kept.
-- CreateTable
CREATE TABLE "MfaEnrolmentCode" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "codeHash" TEXT NOT NULL,
    "issuedById" UUID,
    "issuedAt" TIMESTAMPTZ(3) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "openedAt" TIMESTAMPTZ(3),
    "usedAt" TIMESTAMPTZ(3),

    CONSTRAINT "MfaEnrolmentCode_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MfaEnrolmentCode_codeHash_key" ON "MfaEnrolmentCode"("codeHash");

-- CreateIndex
CREATE INDEX "MfaEnrolmentCode_userId_idx" ON "MfaEnrolmentCode"("userId");

