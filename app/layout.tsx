import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Parity", template: "%s · Parity" },
  description: "Environments visible, comparable and safe to promote between.",
};

// Applies the saved or system theme before first paint (no flash).
const themeScript = `try{var t=localStorage.getItem("parity-theme");if(t==="dark"||(!t&&matchMedia("(prefers-color-scheme: dark)").matches))document.documentElement.classList.add("dark")}catch(e){}`;

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
