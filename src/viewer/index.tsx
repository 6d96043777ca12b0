// Entry of the viewer page: mounts the Preact app.
import { render } from 'preact';

render(<main>viewer</main>, document.getElementById('app')!);
