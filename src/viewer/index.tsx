// Entry of the viewer page: mounts the Preact app.
import { mountApp } from '../ui/ui-root';
import { ViewerApp } from './app';

mountApp(ViewerApp, 'viewer_title');
