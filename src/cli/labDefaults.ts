/** `kubesim lab`'s defaults, apart from the command so that `--help` need not load the lab to print them. */
export const DEFAULT_LAB_FILE = 'reports/lab/index.html';
export const DEFAULT_LAB_PORT = 8377;
