// What MDX loads for <Widget name="WeightedSumDemo" id="…" />.
export { WeightedSumDemo as default } from './View';
