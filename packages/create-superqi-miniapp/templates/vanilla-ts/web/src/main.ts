import { startApp } from './app';
import { LANG } from './lang';
import { STRINGS } from './strings';
import './style.css';

document.documentElement.lang = LANG;
document.documentElement.dir = LANG === 'ar' ? 'rtl' : 'ltr';
document.title = STRINGS[LANG].title;
void startApp(document.getElementById('app')!, STRINGS[LANG]);
