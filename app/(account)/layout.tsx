import { RoleShell } from "@/components/layout/app-shell";

// Pages every signed-in user has (notifications), inside the same frame as their role's pages.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <RoleShell roles={["ADMIN", "MAYOR", "OPD_STAFF", "VENDOR"]}>{children}</RoleShell>;
}
