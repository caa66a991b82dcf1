import type { Rate } from '../api/supervision-types';

export function percent(rate: Rate | undefined): string {
  if (!rate || rate.value === null || rate.denominator === 0) return '—';
  return `${(rate.value * 100).toFixed(1)}%`;
}

/** Every rate is shown with what it is made of, so nobody reads 100% off one case. */
export function RateText({ rate }: { rate: Rate | undefined }) {
  if (!rate) return <span className="muted">—</span>;
  return (
    <span className="rate" data-numerator={rate.numerator} data-denominator={rate.denominator}>
      <strong>{percent(rate)}</strong>
      <span className="muted small">
        {' '}
        （{rate.numerator}/{rate.denominator}）
      </span>
    </span>
  );
}
