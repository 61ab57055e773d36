//! The bad-input corpus: every file in `tests/data/bad/` fed to the CLI,
//! each asserting the exact one-line message (file, field path, allowed
//! range), exit code 2 and no panic. Plus bad arguments.

use std::process::Command;

const CASES: &[(&str, &str)] = &[
    (
        "absurd-egress.json",
        "workload.egress_gb: invalid value: floating point `1e+40`, expected a decimal number such as \"0.5\" (line 73, column 22); allowed: 0 to 1000000 GB a month",
    ),
    (
        "binary.json",
        "is not a text file (it is not UTF-8); a project file is JSON",
    ),
    (
        "cache-hit-rate-above-one.json",
        "workload.llm.cache_hit_rate must be between 0 and 1 (you entered 1.5)",
    ),
    (
        "cash-negative.json",
        "cash.in_bank must be between 0 and 1000000000 USD (you entered -100)",
    ),
    (
        "duplicate-name.json",
        "workload.databases[1].name: the name \"Redis\" is used twice; each name must be unique",
    ),
    (
        "egress-out-of-range.json",
        "workload.egress_gb must be between 0 and 1000000 GB a month (you entered 99999999999)",
    ),
    (
        "empty-name.json",
        "workload.services[3].name must not be empty (1 to 80 characters)",
    ),
    (
        "empty.json",
        ".: the file ends too early; it is not complete JSON (line 1, column 0)",
    ),
    (
        "extra-service-duplicate-name.json",
        "scenarios[2].extra_services[0].name: the name \"Redis\" is used twice; each name must be unique",
    ),
    (
        "grant-absurd-amount.json",
        "credits[0].amount must be between 0.01 and 1000000000 USD (you entered 5000000000000)",
    ),
    (
        "grant-bad-date.json",
        "credits[0].start: \"2026-02-30\" is not a date of the form YYYY-MM-DD between 2000-01-01 and 2200-12-31 (line 97, column 27)",
    ),
    (
        "grant-date-with-a-sign.json",
        "credits[0].start: \"2026-+1-01\" is not a date of the form YYYY-MM-DD between 2000-01-01 and 2200-12-31 (line 97, column 27)",
    ),
    (
        "grant-duplicate-id.json",
        "credits[1].id: the name \"temporal\" is used twice; each name must be unique",
    ),
    (
        "grant-expires-before-start.json",
        "credits[0].expires: must be after the start date 2026-12-01 (you entered 2026-06-01)",
    ),
    (
        "grant-fraction-of-a-cent.json",
        "credits[0].amount: must be in whole cents (you entered 906.005)",
    ),
    (
        "grant-negative-amount.json",
        "credits[0].amount must be between 0.01 and 1000000000 USD (you entered -906)",
    ),
    (
        "grant-unknown-line-kind.json",
        "credits[0].pays_for[0]: unknown variant `gpu`, expected one of `compute`, `memory`, `instance`, `database`, `storage`, `egress`, `load_balancer`, `nodes`, `plan_fee`, `included_usage`, `compute_credit`, `actions`, `tokens`, `vectors` (line 100, column 13)",
    ),
    (
        "grant-unknown-provider.json",
        "credits[0].provider: unknown provider \"digitalocean\" (known: railway, render, heroku, aws, azure, supabase, temporal, qdrant)",
    ),
    (
        "growth-item-twice.json",
        "scenarios[0].growth[1].item: the name \"Egress\" is used twice; each name must be unique",
    ),
    (
        "growth-too-fast.json",
        "scenarios[0].growth[0].monthly_percent must be between -50 and 100 % (you entered 500)",
    ),
    (
        "growth-unknown-item.json",
        "scenarios[0].growth[0].item: unknown workload item \"Frontend\" (known: Orchestrator, Agent Factory, Validation Mesh, Vector Memory, Execution Sandbox, Temporal Worker, PostgreSQL, Redis, Egress, Volumes, Workflows, LLM tokens, Vector storage)",
    ),
    (
        "hours-beyond-a-week.json",
        "workload.services[0].active_hours_per_week must be between 0 and 168 hours a week (you entered 200)",
    ),
    (
        "memory-as-number-too-large.json",
        "workload.services[0].memory_gb must be between 0.125 and 256 GB (you entered 4096)",
    ),
    (
        "memory-not-a-number.json",
        "workload.services[0].memory_gb: invalid value: string \"lots\", expected a decimal number such as \"0.5\" (line 11, column 27); allowed: 0.125 to 256 GB",
    ),
    (
        "missing-version.json",
        "format_version: is missing; a project file starts with \"format_version\": 1",
    ),
    (
        "missing-workload.json",
        ".: missing field `workload` (line 6, column 1)",
    ),
    (
        "negative-instances.json",
        "workload.services[0].instances: invalid value: integer `-3`, expected a whole number (line 12, column 23); allowed: 1 to 100",
    ),
    (
        "negative-storage.json",
        "workload.databases[0].storage_gb must be between 0 and 65536 GB (you entered -10)",
    ),
    (
        "negative-tokens.json",
        "workload.llm.output_tokens_per_month must be between 0 and 10000000000000 tokens a month (you entered -5)",
    ),
    (
        "negative-vcpu.json",
        "workload.services[0].vcpu must be between 0.05 and 64 vCPU (you entered -1)",
    ),
    (
        "newer-version-3.json",
        "format_version 3 was written by a newer version of Infra Runway (this one reads up to version 2); update the app to open it",
    ),
    (
        "newer-version.json",
        "format_version 99 was written by a newer version of Infra Runway (this one reads up to version 2); update the app to open it",
    ),
    (
        "not-json.json",
        ".: this is not valid JSON: expected ident (line 1, column 2)",
    ),
    (
        "one-off-beyond-horizon.json",
        "scenarios[2].one_off_costs[0].month must be between 1 and 36 (you entered 40)",
    ),
    (
        "phase-not-starting-in-month-1.json",
        "scenarios[0].phases[0].from_month: the first phase must start in month 1 (you entered 2)",
    ),
    (
        "phases-out-of-order.json",
        "scenarios[3].phases[1].from_month: must be between 2 and 36 (after the previous phase, within the horizon; you entered 1)",
    ),
    (
        "placement-unknown-item.json",
        "scenarios[0].phases[0].placements: unknown workload item \"Frontend\" (known: Orchestrator, Agent Factory, Validation Mesh, Vector Memory, Execution Sandbox, Temporal Worker, PostgreSQL, Redis, Egress, Volumes, Workflows, LLM tokens, Vector storage)",
    ),
    (
        "placement-unknown-platform.json",
        "scenarios[0].phases[0].placements.PostgreSQL: unknown platform \"fly-io\" (known: off, railway, render, heroku, aws-ecs, azure-aks, supabase, temporal-cloud, qdrant-cloud, azure-openai)",
    ),
    (
        "scenario-bad-start-month.json",
        "scenarios[0].start: \"2026-13\" is not a month of the form YYYY-MM between 2000-01 and 2200-12 (line 126, column 24)",
    ),
    (
        "scenario-duplicate-id.json",
        "scenarios[1].id: the name \"railway-only\" is used twice; each name must be unique",
    ),
    (
        "scenario-horizon-too-long.json",
        "scenarios[0].horizon_months must be between 1 and 120 months (you entered 121)",
    ),
    (
        "scenario-horizon-zero.json",
        "scenarios[0].horizon_months must be between 1 and 120 months (you entered 0)",
    ),
    (
        "scenario-runs-past-2200.json",
        "scenarios[0].horizon_months: 36 months from 2199-06 run past 2200-12, the last month this app projects",
    ),
    (
        "scenario-unknown-plan.json",
        "scenarios[0].plans.railway: unknown plan \"gold\" (known: developer, free, hobby, pro, team)",
    ),
    (
        "scenario-without-phases.json",
        "scenarios[0].phases: needs at least one phase, starting in month 1",
    ),
    (
        "service-name-with-a-dot.json",
        "workload.services[1].name: must not contain \".\", \"[\" or \"]\" (you entered \"api.v2\")",
    ),
    (
        "too-many-instances.json",
        "workload.services[0].instances must be between 1 and 100 (you entered 5000)",
    ),
    (
        "top-level-array.json",
        ".: a project file is a JSON object, starting with {",
    ),
    (
        "truncated.json",
        "workload.services: the file ends too early; it is not complete JSON (line 8, column 3)",
    ),
    (
        "unknown-billing-month.json",
        "billing_month: unknown variant `31d`, expected one of `platform`, `30d`, `730h` (line 5, column 24)",
    ),
    (
        "unknown-engine.json",
        "workload.databases[0].engine: unknown variant `oracle`, expected one of `postgres`, `redis`, `mongodb` (line 60, column 26)",
    ),
    (
        "unknown-environment.json",
        "workload.services[0].environment: unknown variant `staging`, expected `prod` or `dev` (line 13, column 32)",
    ),
    (
        "unknown-field.json",
        "workload.services[0].vpcu: unknown field `vpcu`, expected one of `name`, `vcpu`, `memory_gb`, `instances`, `environment`, `active_hours_per_week` (line 15, column 14)",
    ),
    (
        "unknown-plan.json",
        "plans.railway: unknown plan \"enterprise\" (known: developer, free, hobby, pro, team)",
    ),
    (
        "unknown-platform-in-plans.json",
        "plans: unknown platform \"digitalocean\" (known: railway, render, heroku, aws-ecs, azure-aks, supabase, temporal-cloud, qdrant-cloud, azure-openai)",
    ),
    (
        "vcpu-not-a-number.json",
        "workload.services[0].vcpu: invalid value: string \"two\", expected a decimal number such as \"0.5\" (line 10, column 21); allowed: 0.05 to 64 vCPU",
    ),
    (
        "vcpu-wrong-type.json",
        "workload.services[0].vcpu: invalid type: boolean `true`, expected a decimal number such as \"0.5\" (line 10, column 20); allowed: 0.05 to 64 vCPU",
    ),
    (
        "version-as-string.json",
        "format_version: must be a whole number from 1 to 2, written without quotes",
    ),
    (
        "zero-instances.json",
        "workload.services[0].instances must be between 1 and 100 (you entered 0)",
    ),
    (
        "zero-memory.json",
        "workload.services[2].memory_gb must be between 0.125 and 256 GB (you entered 0)",
    ),
];

fn cli(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_infra-runway"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the CLI runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn every_bad_file_gives_its_message_and_exit_code_2() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/bad");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .expect("corpus folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let listed: Vec<&str> = CASES.iter().map(|(f, _)| *f).collect();
    assert_eq!(files, listed, "every corpus file has an expected message");
    assert!(CASES.len() >= 40);
    for (file, message) in CASES {
        let path = format!("tests/data/bad/{file}");
        let (code, stdout, stderr) = cli(&["costs", &path]);
        assert_eq!(code, 2, "{file}: exit code");
        assert!(stdout.is_empty(), "{file}: nothing on stdout");
        assert_eq!(stderr, format!("error: {path}: {message}\n"), "{file}");
        assert!(!stderr.contains("panicked"), "{file}");
    }
}

#[test]
fn a_missing_file_is_named() {
    let (code, _, stderr) = cli(&["costs", "tests/data/no-such-project.json"]);
    assert_eq!(code, 2);
    assert_eq!(
        stderr,
        "error: tests/data/no-such-project.json: no such file\n"
    );
}

#[test]
fn an_unknown_platform_lists_the_known_ones() {
    let (code, _, stderr) = cli(&["costs", "--platform", "digitalocean"]);
    assert_eq!(code, 2);
    assert_eq!(
        stderr,
        "error: --platform: unknown platform \"digitalocean\" (known: all, railway, render, heroku, aws-ecs, azure-aks, supabase, temporal-cloud, qdrant-cloud, azure-openai)\n"
    );
}

#[test]
fn an_unknown_catalog_lists_the_known_ones() {
    let (code, _, stderr) = cli(&["costs", "--catalog", "railway-1999"]);
    assert_eq!(code, 2);
    assert!(stderr.starts_with(
        "error: --catalog: unknown catalog \"railway-1999\" (known: railway-2025-seed, railway-2026-08,"
    ), "{stderr}");
}

#[test]
fn a_catalog_of_another_platform_is_refused() {
    let (code, _, stderr) = cli(&[
        "costs",
        "--platform",
        "render",
        "--catalog",
        "railway-2026-08",
    ]);
    assert_eq!(code, 2);
    assert_eq!(
        stderr,
        "error: --catalog: catalog railway-2026-08 prices railway, not render\n"
    );
}

#[test]
fn an_unknown_format_is_a_usage_error() {
    let (code, _, stderr) = cli(&["costs", "--format", "xml"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("invalid value 'xml' for '--format"),
        "{stderr}"
    );
}
