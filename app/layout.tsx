import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Petition Atlas", template: "%s · Petition Atlas" },
  description: "Where a UK Parliament petition's support is, constituency by constituency.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en-GB">
      <body className="bg-white text-slate-900 antialiased">{children}</body>
    </html>
  );
}
