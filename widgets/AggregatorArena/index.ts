export { default } from './View';
