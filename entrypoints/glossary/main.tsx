import { render } from 'preact';

render(<main>Gloss</main>, document.getElementById('app')!);
