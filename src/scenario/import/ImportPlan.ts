/** The scenario an import produces, field by field, each value already written as YAML with the notes that explain it. */

/** One field: its key, its YAML value (a flow scalar or mapping) and the comment lines written above it. */
export interface PlannedField {
  readonly key: string;
  readonly value: string;
  readonly notes: readonly string[];
  /** A block instead of `value`: a list of items, or a mapping when items have keys; each item with its own comment. */
  readonly items?: readonly { readonly key?: string; readonly value: string; readonly notes: readonly string[] }[];
}

export interface ImportPlan {
  /** The scenario's and the cluster's name. */
  readonly name: string;
  readonly description: string;
  /** Comment lines at the top of the file: where the scenario comes from and how to read it. */
  readonly header: readonly string[];
  /** Spec fields before the clusters (datacenters, raft, failures), in order. */
  readonly spec: readonly PlannedField[];
  readonly model: 'multi-master' | 'single-server';
  /** Cluster fields after name and model (datacenters, controlPlane, etcd, workers, loadBalancer). */
  readonly cluster: readonly PlannedField[];
  /** Spec fields after the clusters (cost). */
  readonly trailer: readonly PlannedField[];
}
