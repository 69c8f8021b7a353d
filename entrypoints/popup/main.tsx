import { render } from 'preact';
import { i18n } from '#i18n';
import { labelDocument } from '@/utils/ui-locale';
import { App } from './App';
import './popup.css';

labelDocument(i18n.t('popup.title'));
render(<App />, document.getElementById('app')!);
