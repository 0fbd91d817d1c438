import type { Metadata } from "next";

export const metadata: Metadata = { title: "Offline" };

/**
 * The offline shell (issue 17): what the installed portal shows when the phone has no connection, instead of the
 * browser's own error. The service worker keeps the copy it fetched at install, so both languages are on it at
 * once; it needs no script.
 */
export default function OfflinePage() {
  return (
    <main id="main" className="mx-auto max-w-md space-y-4 px-4 py-8">
      <h1 className="text-xl font-bold text-brand-800">Mamin Merata</h1>
      <section lang="id" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-4 text-slate-900">
        <h2 className="font-semibold">Ponsel sedang tidak tersambung ke internet</h2>
        <p className="text-sm">
          Halaman ini akan terbuka lagi begitu sinyal kembali. Tawaran baru tetap masuk sebagai notifikasi saat ponsel
          tersambung; jawab sebelum batas waktunya.
        </p>
        <a href="/vendor" className="inline-block font-medium text-brand-700 underline">
          Coba lagi
        </a>
      </section>
      <section lang="en" className="space-y-2 rounded-md border border-slate-200 bg-white p-4 text-slate-800">
        <h2 className="font-semibold">This phone is offline</h2>
        <p className="text-sm">
          The page opens again as soon as the signal is back. New offers still arrive as notifications once the phone is
          connected; answer them before their deadline.
        </p>
        <a href="/vendor" className="inline-block font-medium text-brand-700 underline">
          Try again
        </a>
      </section>
    </main>
  );
}
