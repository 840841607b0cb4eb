/** Top bar: menu button (narrow screens), book title, backend badge, theme toggle. */
import { BackendBadge } from '../tf/BackendBadge';
import { homeHref } from '../router';
import { useTheme } from '../theme';

export function Header({ menuOpen, onToggleMenu }: { menuOpen: boolean; onToggleMenu: () => void }) {
  const { theme, toggleTheme } = useTheme();
  return (
    <header className="site-header">
      <button type="button" className="site-header__menu" aria-expanded={menuOpen} aria-controls="chapter-nav" onClick={onToggleMenu}>
        <span aria-hidden="true">☰</span>
        <span className="visually-hidden">Chapters</span>
      </button>
      <a className="site-header__title" href={homeHref}>
        Balancing Act
      </a>
      <BackendBadge />
      <button type="button" className="site-header__theme" onClick={toggleTheme} aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`} title="Toggle light/dark theme">
        <span aria-hidden="true">{theme === 'dark' ? '☀' : '☾'}</span>
      </button>
    </header>
  );
}
