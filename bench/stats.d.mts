export function percentile(values: number[], p: number): number;
export function ms(x: number, digits?: number): string;
