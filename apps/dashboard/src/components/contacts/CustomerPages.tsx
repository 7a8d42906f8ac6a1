import type { Route } from '../../router.js';
import { LeadsPage } from '../leads/LeadsPage.js';
import { ContactPage } from './ContactPage.js';
import { ContactsPage } from './ContactsPage.js';

export type CustomerRoute = Extract<Route, { name: 'contacts' | 'contact' | 'leads' | 'deals' }>;

export function isCustomerRoute(route: Route): route is CustomerRoute {
  return route.name === 'contacts' || route.name === 'contact' || route.name === 'leads' || route.name === 'deals';
}

/** Page names for the tab title. */
export function customerPageTitle(route: CustomerRoute): string {
  return route.name === 'leads' ? 'Leads' : route.name === 'deals' ? 'Deals' : 'Contacts';
}

/** Contacts, one contact, Leads and Deals; the server applies the read rule (admins: all; agents: per I3). */
export function CustomerPages({ route }: { route: CustomerRoute }) {
  switch (route.name) {
    case 'contacts':
      return <ContactsPage />;
    case 'contact':
      return <ContactPage contactId={route.id} />;
    case 'leads':
      return <LeadsPage kind="lead" />;
    case 'deals':
      return <LeadsPage kind="deal" />;
  }
}
