import { render } from 'preact';
import { GlossaryPage } from './GlossaryPage';
import './glossary.css';

render(<GlossaryPage />, document.getElementById('app')!);
