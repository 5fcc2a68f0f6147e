import type { Metadata } from "next";
import "./globals.css";
import { ThemeSync } from "@/components/ui/theme-sync";

export const metadata: Metadata = {
  title: { default: "Parity", template: "%s · Parity" },
  description: "Environments visible, comparable and safe to promote between.",
};

// Applies the saved or system theme before first paint (no flash); ThemeSync repeats it when the
// document is rendered on the client.
const themeScript = `try{var t=localStorage.getItem("parity-theme");if(t==="dark"||(!t&&matchMedia("(prefers-color-scheme: dark)").matches))document.documentElement.classList.add("dark")}catch(e){}`;

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="min-h-screen font-sans">
        <ThemeSync />
        {children}
      </body>
    </html>
  );
}
