import { render } from 'preact';
import { i18n } from '#i18n';
import { labelDocument } from '@/utils/ui-locale';
import { App } from './App';
import './options.css';

labelDocument(i18n.t('options.documentTitle'));
render(<App />, document.getElementById('app')!);
