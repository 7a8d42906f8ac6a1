import { useEffect } from 'preact/hooks';
import { useStore } from '../../state/store.js';
import { adminSites, loadAdminSites, type AdminSitesState } from './adminSites.js';

/**
 * The sites, loaded on mount and re-read every `refreshMs` (and when the tab regains focus), so
 * "widget seen" turns up without a reload once the admin has pasted the snippet.
 */
export function useAdminSites(refreshMs: number | null = null): AdminSitesState {
  const state = useStore(adminSites, (s) => s);
  useEffect(() => {
    void loadAdminSites();
    const onFocus = () => void loadAdminSites();
    window.addEventListener('focus', onFocus);
    const timer = refreshMs === null ? null : setInterval(() => void loadAdminSites(), refreshMs);
    return () => {
      window.removeEventListener('focus', onFocus);
      if (timer !== null) clearInterval(timer);
    };
  }, [refreshMs]);
  return state;
}
