"use client";

import { ThemeProvider as NextThemesProvider } from "next-themes";
import type * as React from "react";

type ThemeProviderProps = React.ComponentProps<typeof NextThemesProvider> & {
  /** CSP nonce forwarded to next-themes' inline (flash-prevention) script. */
  nonce?: string;
};

/**
 * App-wide theme provider: class-based dark mode (`.dark` on <html>), following the
 * OS preference by default. Render it inside <body> and put `suppressHydrationWarning`
 * on <html>, because the inline script sets the theme class before React hydrates.
 */
function ThemeProvider({ children, nonce, ...props }: ThemeProviderProps) {
  return (
    <NextThemesProvider
      attribute="class"
      defaultTheme="system"
      enableSystem
      disableTransitionOnChange
      nonce={nonce}
      {...props}
    >
      {children}
    </NextThemesProvider>
  );
}

export { ThemeProvider };
