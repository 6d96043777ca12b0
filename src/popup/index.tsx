// Entry of the popup page: mounts the Preact app.
import { render } from 'preact';

render(<main>popup</main>, document.getElementById('app')!);
