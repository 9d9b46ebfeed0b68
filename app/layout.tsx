import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { PetitionFinder } from "@/components/PetitionFinder";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Petition Atlas", template: "%s · Petition Atlas" },
  description: "Where a UK Parliament petition's support is, constituency by constituency.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Pages show live petitions, so none is prerendered at build; the front server (server.ts) caches renders.
  await connection();
  return (
    <html lang="en-GB">
      <body className="flex min-h-screen flex-col bg-white text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        {/* One line of a fixed height (--site-header), so a page's first screen can be the rest of the viewport. */}
        <header className="h-[var(--site-header)] overflow-hidden border-b border-slate-200 bg-slate-50">
          <div className="flex h-full items-center gap-x-4 px-3 sm:gap-x-6 sm:px-4">
            <Link href="/" className="shrink-0 text-lg font-bold tracking-tight short:text-base">
              Petition Atlas
            </Link>
            <nav aria-label="Site" className="flex gap-3 text-sm whitespace-nowrap sm:gap-4">
              <Link href="/petitions" prefetch={false} className="hover:underline">
                Find a petition
              </Link>
              <Link href="/about" prefetch={false} className="hover:underline">
                About the data
              </Link>
            </nav>
            <div className="ml-auto hidden w-72 md:block">
              <PetitionFinder idPrefix="site-petition" compact />
            </div>
          </div>
        </header>
        <main id="main" className="flex-1">
          {children}
        </main>
        <footer className="border-t border-slate-200 bg-slate-50 text-xs text-slate-600">
          <p className="mx-auto max-w-7xl px-4 py-3">
            Petition Atlas is independent of the UK Parliament. Petition data: UK Parliament (Open Government
            Licence v3.0, Open Parliament Licence v3.0). Boundaries: Office for National Statistics (Open
            Government Licence v3.0; contains OS data © Crown copyright and database right). See{" "}
            <Link href="/about">About the data</Link>.
          </p>
        </footer>
      </body>
    </html>
  );
}
