import { RoleShell } from "@/components/layout/app-shell";

export default function Layout({ children }: { children: React.ReactNode }) {
  return <RoleShell roles={["MAYOR", "ADMIN"]}>{children}</RoleShell>;
}
