import type { EpochReport } from '../lib/train';
import { drawLineChart } from './line-chart';

/**
 * The loss and accuracy curves of one training run: training values per batch (x in epochs,
 * fractional), test values per epoch, drawn into two SVG charts.
 */
export class TrainingCharts {
  #loss: [number, number][] = [];
  #accuracy: [number, number][] = [];
  #testLoss: [number, number][] = [];
  #testAccuracy: [number, number][] = [];

  constructor(
    readonly lossChart: SVGSVGElement,
    readonly accuracyChart: SVGSVGElement,
  ) {}

  /** Adds the running training loss and accuracy at `x` epochs. */
  addBatch(x: number, loss: number, accuracy: number): void {
    this.#loss.push([x, loss]);
    this.#accuracy.push([x, accuracy]);
  }

  addEpoch(r: EpochReport): void {
    this.#testLoss.push([r.epoch + 1, r.testLoss]);
    this.#testAccuracy.push([r.epoch + 1, r.testAccuracy]);
  }

  /** Forgets every point and draws the empty charts. */
  clear(): void {
    this.#loss = [];
    this.#accuracy = [];
    this.#testLoss = [];
    this.#testAccuracy = [];
    this.draw();
  }

  draw(): void {
    drawLineChart(this.lossChart, [
      { label: 'training loss', className: 'train', points: this.#loss },
      { label: 'test loss', className: 'test', points: this.#testLoss, dots: true },
    ], { xLabel: 'epoch', yLabel: 'loss' });
    drawLineChart(this.accuracyChart, [
      { label: 'training accuracy', className: 'train', points: this.#accuracy },
      { label: 'test accuracy', className: 'test', points: this.#testAccuracy, dots: true },
    ], { xLabel: 'epoch', yLabel: 'accuracy', yMin: 0, yMax: 1, legendAt: 'bottom' });
  }
}
