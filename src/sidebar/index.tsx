// Entry of the sidebar page: mounts the Preact app.
import { render } from 'preact';

render(<main>sidebar</main>, document.getElementById('app')!);
