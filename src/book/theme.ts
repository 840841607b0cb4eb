/**
 * Light and dark themes. The choice is `data-theme` on <html> (set before first paint by an inline
 * script in index.html); CSS custom properties in styles/tokens.css hang off it. Without a stored
 * choice the page follows prefers-color-scheme, live.
 */
import { useCallback, useEffect, useState } from 'react';

export type ThemeName = 'light' | 'dark';

/** localStorage key; index.html reads the same key. */
export const THEME_STORAGE_KEY = 'balancing-act:theme';

function readStoredTheme(): ThemeName | undefined {
  try {
    const value = window.localStorage.getItem(THEME_STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : undefined;
  } catch {
    return undefined; // storage can be disabled (private mode, sandboxed frames)
  }
}

function systemTheme(): ThemeName {
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function applyTheme(theme: ThemeName): void {
  document.documentElement.dataset.theme = theme;
}

/** The current theme and a toggle that remembers the reader's choice. */
export function useTheme(): { theme: ThemeName; toggleTheme: () => void } {
  const [theme, setTheme] = useState<ThemeName>(() => readStoredTheme() ?? systemTheme());

  useEffect(() => applyTheme(theme), [theme]);

  useEffect(() => {
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const follow = () => {
      if (!readStoredTheme()) setTheme(systemTheme());
    };
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, []);

  const toggleTheme = useCallback(() => {
    setTheme((current) => {
      const next = current === 'dark' ? 'light' : 'dark';
      try {
        window.localStorage.setItem(THEME_STORAGE_KEY, next);
      } catch {
        // The toggle still works for this visit.
      }
      return next;
    });
  }, []);

  return { theme, toggleTheme };
}
