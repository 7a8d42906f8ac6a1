import { render } from 'preact';
import { App } from './components/App.js';
import { startNotifications } from './alerts/startNotifications.js';
import './styles/base.css';
import './styles/layout.css';
import './styles/conversations.css';
import './styles/thread.css';
import './styles/forms.css';
import './styles/offers.css';
import './styles/admin.css';
import './styles/sites.css';

startNotifications();
render(<App />, document.getElementById('app')!);
