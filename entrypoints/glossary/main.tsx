import { render } from 'preact';
import { i18n } from '#i18n';
import { labelDocument } from '@/utils/ui-locale';
import { GlossaryPage } from './GlossaryPage';
import './glossary.css';

labelDocument(i18n.t('glossary.documentTitle'));
render(<GlossaryPage />, document.getElementById('app')!);
