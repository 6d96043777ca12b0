// Entry of the popup page: mounts the Preact app.
import { mountApp } from '../ui/ui-root';
import { PopupApp } from './app';

mountApp(PopupApp, 'popup_title');
