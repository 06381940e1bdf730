import { type RetrainSettings, sanitise } from './settings';

/** The settings a retraining widget's form currently shows, forced into range. */
export function readForm(form: HTMLFormElement, maxTrain: number): RetrainSettings {
  const data = new FormData(form);
  const num = (k: string) => Number(data.get(k));
  return sanitise(
    {
      architecture: data.get('architecture') === 'linear' ? 'linear' : 'mlp',
      trainSize: num('trainSize'),
      epochs: num('epochs'),
      learningRate: num('learningRate'),
      batchSize: num('batchSize'),
      fromBuild: data.get('fromBuild') === 'on',
      display: data.get('display') === 'signed' ? 'signed' : 'minmax',
      view: (data.get('view') as RetrainSettings['view'] | null) ?? 'output',
      backend: (data.get('backend') as RetrainSettings['backend'] | null) ?? 'auto',
    },
    maxTrain,
  );
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
  set('learningRate', String(s.learningRate));
  set('batchSize', String(s.batchSize));
  set('display', s.display);
  set('view', s.view);
  set('backend', s.backend);
  const fromBuild = form.elements.namedItem('fromBuild');
  if (fromBuild instanceof HTMLInputElement) fromBuild.checked = s.fromBuild;
}
