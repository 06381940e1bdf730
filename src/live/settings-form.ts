import { defaultSettings, parseSettings, type RetrainSettings } from './settings';

/** The settings a retraining widget's form currently shows, forced into range. */
export function readForm(form: HTMLFormElement, maxTrain: number): RetrainSettings {
  const data = new FormData(form);
  // An unchecked checkbox is absent from the form data: that means false, not "unset".
  const get = (field: keyof RetrainSettings) =>
    field === 'fromBuild' ? (data.get(field) === 'on' ? '1' : '0') : (data.get(field) as string | null);
  return parseSettings(get, defaultSettings('mlp', maxTrain), maxTrain);
}

/** Sets every control of the form to `s`. */
export function writeForm(form: HTMLFormElement, s: RetrainSettings): void {
  const set = (name: string, value: string) => {
    const field = form.elements.namedItem(name);
    if (field instanceof RadioNodeList) field.value = value;
    else if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = value;
  };
  set('architecture', s.architecture);
  set('trainSize', String(s.trainSize));
  set('epochs', String(s.epochs));
  set('optimizer', s.optimizer);
  set('learningRate', String(s.learningRate));
  set('batchSize', String(s.batchSize));
  set('display', s.display);
  set('view', s.view);
  set('backend', s.backend);
  set('seed', String(s.seed));
  set('maxShift', String(s.maxShift));
  const fromBuild = form.elements.namedItem('fromBuild');
  if (fromBuild instanceof HTMLInputElement) fromBuild.checked = s.fromBuild;
}
