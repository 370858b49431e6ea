/* The public number of a PIN: 'P' + its id zero-padded to 7 digits (P0000042). Ids run 1..users. */
export function pinNumber(id: number): string {
  return 'P' + String(id).padStart(7, '0');
}

export const PIN_NUMBER_PATTERN = /^P\d{7,12}$/;

export function pinIdFromNumber(num: string): number | undefined {
  if (!PIN_NUMBER_PATTERN.test(num)) return undefined;
  const id = Number(num.slice(1));
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}
