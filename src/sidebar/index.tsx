// Entry of the sidebar page (sidebar.html, shown in the in-page iframe): mounts the app.
import { mountApp } from '../ui/ui-root';
import { SidebarApp } from './app';
import { installSidebarStyles } from './styles';

installSidebarStyles();
mountApp(SidebarApp, 'sidebar_title');
