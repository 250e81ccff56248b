export interface RenderOptions {
  /** ANSI colours: only for a terminal that wants them. */
  color: boolean;
  /** The terminal's width, to wrap long lines at; none when writing to a pipe or file. */
  width?: number;
}

export type Renderer<R> = (report: R, options: RenderOptions) => string;
