import { RoleShell } from "@/components/layout/app-shell";
import { ServiceWorker } from "@/components/push/service-worker";

export default function Layout({ children }: { children: React.ReactNode }) {
  return (
    <RoleShell roles={["VENDOR"]}>
      <ServiceWorker />
      {children}
    </RoleShell>
  );
}
