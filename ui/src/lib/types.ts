// The shapes the core sends (see src/query.rs). Money and quantities are
// decimal strings: the UI formats them and never computes with them.

export type Decimal = string;

export interface Service {
  name: string;
  vcpu: Decimal;
  memory_gb: Decimal;
  instances: number;
  environment: "prod" | "dev";
  active_hours_per_week: Decimal;
}

export interface Database {
  name: string;
  engine: "postgres" | "redis" | "mongodb";
  vcpu: Decimal;
  memory_gb: Decimal;
  storage_gb: Decimal;
}

export interface Workload {
  services: Service[];
  databases: Database[];
  egress_gb: Decimal;
  volume_gb: Decimal;
  workflows?: { actions_per_month: Decimal; active_storage_gb: Decimal; retained_storage_gb: Decimal };
  llm?: { model: string; input_tokens_per_month: Decimal; output_tokens_per_month: Decimal; cache_hit_rate: Decimal };
  vectors?: { memory_gb: Decimal; disk_gb: Decimal };
}

export interface Project {
  format_version: number;
  name: string;
  description?: string;
  billing_month: "platform" | "30d" | "730h";
  workload: Workload;
  credits?: Grant[];
  cash?: { in_bank?: Decimal | null; other_monthly_burn?: Decimal | null };
  scenarios?: Scenario[];
}

export interface MonthUsed {
  id: "30d" | "730h";
  label: string;
}

export interface NotHosted {
  item: string;
  reason: string;
}

export interface CostLine {
  item: string | null;
  resource: string;
  kind: string;
  quantity: Decimal;
  unit: string;
  unit_price: Decimal;
  amount: Decimal;
  detail: string;
  source: string;
}

export interface Source {
  url: string;
  as_of: string;
  confidence: "confirmed" | "likely" | "uncertain";
  note: string;
}

export interface PlatformCost {
  platform: string;
  platform_name: string;
  kind: "hosting" | "managed";
  catalog: string;
  catalog_as_of: string;
  plan: { id: string; name: string } | null;
  billing_month: MonthUsed;
  items: CostLine[];
  total: Decimal;
  item_totals: { item: string; amount: Decimal }[];
  not_hosted: NotHosted[];
  sources: Record<string, Source>;
}

export interface PlatformRow {
  id: string;
  name: string;
  catalog: string;
  catalog_as_of: string;
  billing_month: MonthUsed;
  monthly_cost: Decimal;
  setup_time: string;
  setup_hours: Decimal;
  devops_effort: "none" | "low" | "medium" | "high";
  devops_hours_per_month: Decimal;
  regions: string[];
  gpus: boolean;
  kubernetes: boolean;
  websockets: boolean;
  built_in_monitoring: boolean;
  not_hosted: NotHosted[];
}

export interface Cliff {
  month: number;
  grant: string;
  name: string;
  step_up: Decimal;
}

export interface ScenarioSummary {
  id: string;
  name: string;
  horizon_months: number;
  runway_months: number | null;
  runway: string;
  first_month_cash: Decimal;
  average_cash: Decimal;
  total_cash: Decimal;
  total_gross: Decimal;
  credits_used: Decimal;
  credits_wasted: Decimal;
  cliffs: Cliff[];
  grants: { grant: string; name: string; amount: Decimal; used: Decimal; wasted: Decimal; remaining: Decimal }[];
}

export interface ScenarioComparison {
  horizon_months: number;
  cash_in_bank: Decimal | null;
  scenarios: ScenarioSummary[];
}

export interface Overview {
  project: Project;
  scenarios: ScenarioComparison;
  comparison: { scope: string; platforms: PlatformRow[] };
  costs: { project: string; platforms: PlatformCost[] };
  decision: Decision;
}

export type AnswerKind = "days" | "yes_no" | "areas" | "money_per_month" | "money_per_hour" | "experience" | "weight";

export interface Question {
  path: string;
  text: string;
  why: string;
  kind: AnswerKind;
  choices: { value: unknown; label: string }[];
}

export interface Answers {
  deploy_within_days: number | null;
  websockets: boolean;
  gpus: boolean;
  kubernetes: boolean;
  regions: string[];
  budget: Decimal | null;
  budget_ceiling: Decimal | null;
  devops_experience: "none" | "some" | "strong";
  engineer_hourly_rate: Decimal;
  weights: Record<string, number>;
}

export interface Tco {
  months: number;
  provider: Decimal;
  hours: Decimal;
  engineering: Decimal;
  total: Decimal;
}

export interface PlatformVerdict {
  id: string;
  name: string;
  monthly_cost: Decimal;
  ruled_out: string[];
  score: Decimal;
  max_score: Decimal;
  percent: Decimal;
  breakdown: { preference: string; weight: number; satisfaction: Decimal; points: Decimal; why: string }[];
  tco: Tco;
  rank: number | null;
}

export interface ScenarioVerdict {
  id: string;
  name: string;
  runway: string;
  runway_months: number | null;
  ruled_out: string[];
  tco: Tco;
  rank: number | null;
}

export interface Decision {
  questions: Question[];
  answers: Answers;
  horizon_months: number;
  platforms: PlatformVerdict[];
  scenarios: ScenarioVerdict[];
  break_even: { scenario: string; against: string; sentence: string }[];
  recommendation: {
    platform: string | null;
    platform_reasons: string[];
    scenario: string | null;
    scenario_reasons: string[];
    would_change: string[];
  };
}

export interface CommandError {
  kind: string;
  message: string;
  path?: string | null;
}

export interface Grant {
  id: string;
  name: string;
  provider: string;
  amount: Decimal;
  start: string;
  expires: string;
  pays_for?: string[];
}

export interface Phase {
  from_month: number;
  default_platform: string;
  placements?: Record<string, string>;
}

export interface Scenario {
  id: string;
  name: string;
  description?: string;
  start: string;
  horizon_months: number;
  phases: Phase[];
  plans?: Record<string, string>;
  one_off_costs?: { month: number; description: string; hours: Decimal; hourly_rate: Decimal }[];
  growth?: { item: string; monthly_percent: Decimal; resources?: boolean }[];
}

export type Edit =
  | { op: "set"; path: string; value: unknown }
  | { op: "append"; path: string; value: unknown }
  | { op: "remove"; path: string };

export interface SessionView {
  title: string;
  file_name: string | null;
  dirty: boolean;
  is_example: boolean;
  can_undo: boolean;
  can_redo: boolean;
  overview: Overview;
}

export interface MonthRow {
  month: number;
  calendar: string;
  gross: Decimal;
  credits_applied: Decimal;
  one_off: Decimal;
  cash_burn: Decimal;
  cumulative_cash_burn: Decimal;
  cash_balance: Decimal | null;
}

export interface LedgerView {
  summary: ScenarioSummary;
  months: MonthRow[];
  events: { event: string; month: number; grant?: string; wasted?: Decimal; step_up?: Decimal }[];
}

/** A chart as the Results step shows it: the core's SVG, its words and numbers. */
export interface ChartView {
  id: string;
  title: string;
  note: string;
  alt: string;
  table: { columns: string[]; rows: string[][] };
  svg: string;
}

export type ChartTheme = "light" | "dark";
export type ExportKind = "pdf" | "xlsx" | "csv";
export type Paper = "a4" | "letter";

/** What an export wrote. */
export interface ExportDone {
  name: string;
  path: string;
  files: number;
  bytes: number;
}

export interface CatalogStatus {
  platform: string;
  name: string;
  catalog: string;
  as_of: string;
  age_days: number | null;
  stale: boolean;
  refreshed: boolean;
  from_azure: boolean;
}

export interface DiffLine {
  path: string;
  per: string;
  old: Decimal | null;
  new: Decimal | null;
  change_percent: Decimal | null;
  flagged: boolean;
}

export interface CatalogDiff {
  platform: string;
  old_id: string;
  old_as_of: string;
  new_id: string;
  new_as_of: string;
  lines: DiffLine[];
  changed: number;
  flagged: number;
}

export interface UsageLine {
  service: string;
  status: "matched" | "not_in_workload" | "deleted" | "not_measured";
  measured_vcpu: Decimal | null;
  estimated_vcpu: Decimal | null;
  measured_memory_gb: Decimal | null;
  estimated_memory_gb: Decimal | null;
}

export interface UsageComparison {
  project: string;
  days: Decimal;
  lines: UsageLine[];
  measured_egress_gb: Decimal;
  estimated_egress_gb: Decimal;
}
