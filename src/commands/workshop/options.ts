export interface WorkshopOptions {
  /** Where the participants' answer files go; created when missing. */
  dir: string;
  bank?: string;
  quick: boolean;
  minGroup: number;
}
