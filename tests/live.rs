//! Real data over the network, against a local mock server shaped like the
//! real APIs: the Azure Retail Prices API (paging, failures, a schema
//! change, a 100 MB answer) and Railway's GraphQL API (tokens, 401, 403,
//! 429, 500); each failure's message, and nothing stored changed; the
//! token in no output; usage turned into a month by hand.

#[path = "../src/bin/infra-runway/net.rs"]
#[allow(dead_code)]
mod net;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::str::FromStr;
use std::time::{Duration, Instant};

use infra_runway::live::railway;
use rust_decimal::Decimal;
use wiremock::matchers::{header, method, path, query_param_contains};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::example;

const TOKEN: &str = "tok-SECRET-0123456789";

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).expect("a decimal")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("infra-runway-live-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Runs the CLI with its data folder in `data` and the APIs at `server`.
fn cli(data: &Path, server: &str, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_infra-runway"))
        .args(args)
        .env("XDG_DATA_HOME", data)
        .env("INFRA_RUNWAY_AZURE_PRICES_URL", server)
        .env(
            "INFRA_RUNWAY_RAILWAY_API_URL",
            format!("{server}/graphql/v2"),
        )
        .env("RAILWAY_TOKEN", TOKEN)
        .output()
        .expect("the CLI runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Every file under the data folder, with its bytes.
fn stored(data: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![data.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push((p.clone(), std::fs::read(&p).unwrap_or_default()));
            }
        }
    }
    out.sort();
    out
}

fn vm(sku: &str, sku_name: &str, product: &str, price: &str) -> serde_json::Value {
    serde_json::json!({
        "currencyCode": "USD",
        "retailPrice": serde_json::Number::from_str(price).unwrap(),
        "unitPrice": serde_json::Number::from_str(price).unwrap(),
        "armRegionName": "eastus",
        "location": "US East",
        "effectiveStartDate": "2026-11-01T00:00:00Z",
        "meterName": sku_name,
        "productName": product,
        "skuName": sku_name,
        "armSkuName": sku,
        "serviceName": "Virtual Machines",
        "unitOfMeasure": "1 Hour",
        "type": "Consumption",
        "isPrimaryMeterRegion": true
    })
}

fn token_item(meter: &str, price: &str) -> serde_json::Value {
    serde_json::json!({
        "currencyCode": "USD",
        "retailPrice": serde_json::Number::from_str(price).unwrap(),
        "armRegionName": "eastus",
        "effectiveStartDate": "2026-10-01T00:00:00Z",
        "meterName": meter,
        "productName": "Azure OpenAI",
        "skuName": meter,
        "armSkuName": "",
        "serviceName": "Cognitive Services",
        "unitOfMeasure": "1K",
        "type": "Consumption"
    })
}

/// The Azure API: VM prices over two pages, token prices on one.
async fn azure_ok(server: &MockServer) {
    let page1 = serde_json::json!({
        "BillingCurrency": "USD",
        "CustomerEntityId": "Default",
        "CustomerEntityType": "Retail",
        "Items": [
            vm("Standard_D2s_v3", "D2s v3", "Virtual Machines Dsv3 Series", "0.115"),
            vm("Standard_D2s_v3", "D2s v3", "Virtual Machines Dsv3 Series Windows", "0.188"),
            vm("Standard_D2s_v3", "D2s v3 Spot", "Virtual Machines Dsv3 Series", "0.02"),
        ],
        "NextPageLink": format!("{}/page2", server.uri()),
        "Count": 3
    });
    let page2 = serde_json::json!({
        "Items": [
            vm("Standard_B2s", "B2s", "Virtual Machines BS Series", "0.0416"),
            vm("Standard_D4s_v3", "D4s v3", "Virtual Machines Dsv3 Series", "0.30"),
        ],
        "NextPageLink": null,
        "Count": 2
    });
    let tokens = serde_json::json!({
        "Items": [
            token_item("gpt-4o-0806 Inp glbl Tokens", "0.0025"),
            token_item("gpt-4o-0806 Outp glbl Tokens", "0.011"),
            token_item("gpt-4o-0806 cached Inp glbl Tokens", "0.00125"),
            token_item("gpt-4o-0806 Inp regnl Tokens", "0.00275"),
            token_item("gpt-4o-mini-0718 Inp glbl Tokens", "0.000165"),
            token_item("gpt-4o-mini-0718 Outp glbl Tokens", "0.00066"),
            token_item("gpt-4o-mini-0718 cached Inp glbl Tokens", "0.000075"),
        ],
        "NextPageLink": null
    });
    Mock::given(method("GET"))
        .and(path("/"))
        .and(query_param_contains("$filter", "Virtual Machines"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page1))
        .mount(server)
        .await;
    Mock::given(method("GET"))
        .and(path("/page2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page2))
        .mount(server)
        .await;
    Mock::given(method("GET"))
        .and(path("/"))
        .and(query_param_contains("$filter", "Azure OpenAI"))
        .respond_with(ResponseTemplate::new(200).set_body_json(tokens))
        .mount(server)
        .await;
}

fn today() -> String {
    crate::clock::today().expect("a clock").to_string()
}

#[test]
fn instants_are_written_as_rfc_3339() {
    assert_eq!(crate::clock::rfc3339(0), "1970-01-01T00:00:00Z");
    assert_eq!(crate::clock::rfc3339(1_796_422_778), "2026-12-04T22:19:38Z");
    assert_eq!(crate::clock::rfc3339(951_782_400), "2000-02-29T00:00:00Z");
}

#[tokio::test]
async fn azure_refresh_follows_pages_shows_the_difference_and_keeps_it_only_when_accepted() {
    let server = MockServer::start().await;
    azure_ok(&server).await;
    let data = temp_dir("azure-ok");
    let uri = server.uri();

    // Without --yes (and no terminal to ask), nothing is kept.
    let (code, out, err) = cli(&data, &uri, &["catalog", "refresh", "--source", "azure"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("not kept: run again with --yes"), "{out}");
    assert!(stored(&data).is_empty(), "nothing stored without accepting");

    let (code, out, err) = cli(
        &data,
        &uri,
        &["catalog", "refresh", "--source", "azure", "--yes"],
    );
    assert_eq!(code, 0, "{err}");
    let today = today();
    assert!(
        out.contains(&format!(
            "azure-aks: azure-aks-2026 (2026-12-04) → azure-aks-{today}"
        )),
        "{out}"
    );
    // D2s v3 from page 1 (Linux, not Spot): $0.096 → $0.115, +19.8 %.
    assert!(out.contains("$0.096 → $0.115"), "{out}");
    assert!(out.contains("+19.8%"), "{out}");
    // D4s v3 from page 2: +56.3 %, flagged.
    let d4 = out
        .lines()
        .find(|l| l.contains("$0.192 → $0.3"))
        .expect("D4s line");
    assert!(d4.contains("+56.3%") && d4.contains("CHECK"), "{d4}");
    // Tokens: $10.00 → $11.00 per million output.
    assert!(
        out.contains("$10.00 → $11.000") || out.contains("$10 → $11"),
        "{out}"
    );
    let kept = data
        .join("infra-runway/catalogs")
        .join(format!("azure-aks-{today}.json"));
    assert!(kept.is_file(), "{out}");

    // The new catalog is current: AKS costs more now.
    let (_, list, _) = cli(&data, &uri, &["catalogs"]);
    assert!(list.contains(&format!("azure-aks-{today}")), "{list}");
    let (_, platforms, _) = cli(&data, &uri, &["platforms", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&platforms).unwrap();
    let aks = v["platforms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "azure-aks")
        .unwrap()
        .clone();
    assert_eq!(aks["catalog"], format!("azure-aks-{today}"));
    assert_ne!(aks["monthly_cost"], "301.49");

    // Restore puts the previous catalog back.
    let (code, out, _) = cli(
        &data,
        &uri,
        &["catalog", "restore", "--platform", "azure-aks"],
    );
    assert_eq!(code, 0);
    assert!(out.contains("uses its previous catalog again"), "{out}");
    let (_, platforms, _) = cli(&data, &uri, &["platforms", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&platforms).unwrap();
    let aks = v["platforms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "azure-aks")
        .unwrap()
        .clone();
    assert_eq!(aks["monthly_cost"], "301.49");
}

/// Runs a refresh that must fail, and checks the message and the store.
async fn azure_fails(name: &str, response: ResponseTemplate, expected: &str) {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(response)
        .mount(&server)
        .await;
    let data = temp_dir(name);
    // Something kept before: it must stay exactly as it is.
    let dir = data.join("infra-runway/catalogs");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("notes.txt"), "kept").unwrap();
    let before = stored(&data);
    let (code, out, err) = cli(
        &data,
        &server.uri(),
        &["catalog", "refresh", "--source", "azure", "--yes"],
    );
    assert_eq!(code, 2, "{name}: {out}");
    assert!(err.contains(expected), "{name}: {err}");
    assert!(
        err.contains("using the catalog of 2026-12-04 (azure-aks-2026)"),
        "{name}: {err}"
    );
    assert_eq!(err.lines().count(), 1, "{name}: one line: {err}");
    assert_eq!(stored(&data), before, "{name}: nothing stored changed");
}

#[tokio::test]
async fn azure_failures_say_what_happened_and_change_nothing() {
    azure_fails(
        "truncated",
        ResponseTemplate::new(200)
            .set_body_string(r#"{"Items": [{"retailPrice": 0.1, "armSkuName""#),
        "Azure prices sent an answer that is not complete JSON (it ends early)",
    )
    .await;
    azure_fails(
        "schema",
        ResponseTemplate::new(200).set_body_json(serde_json::json!({
            "Items": [{"unitPrice": 0.1, "armSkuName": "Standard_B2s", "armRegionName": "eastus",
                       "unitOfMeasure": "1 Hour", "skuName": "B2s", "meterName": "B2s", "productName": "x"}],
            "NextPageLink": null
        })),
        "Azure prices changed the shape of its answer: Items[0].retailPrice is missing or not a number",
    )
    .await;
    azure_fails(
        "huge",
        ResponseTemplate::new(200).set_body_string("x".repeat(100 * 1024 * 1024)),
        "Azure prices sent more than 20 MB; the answer was refused",
    )
    .await;
    azure_fails(
        "server-error",
        ResponseTemplate::new(503),
        "Azure prices answered with an error (HTTP 503)",
    )
    .await;
    azure_fails(
        "rate-limited",
        ResponseTemplate::new(429).insert_header("Retry-After", "3600"),
        "Azure prices is limiting requests; try again in 3600 seconds",
    )
    .await;
}

#[tokio::test]
async fn azure_unreachable_is_said_plainly() {
    let data = temp_dir("unreachable");
    // Nothing listens on port 9 of this machine.
    let (code, _, err) = cli(
        &data,
        "http://127.0.0.1:9",
        &["catalog", "refresh", "--yes"],
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("Azure prices could not be reached (no connection)"),
        "{err}"
    );
    assert!(
        err.contains("using the catalog of 2026-12-04 (azure-aks-2026)"),
        "{err}"
    );
    assert!(stored(&data).is_empty());
}

fn fast() -> net::Policy {
    net::Policy {
        connect: Duration::from_secs(2),
        read: Duration::from_millis(500),
        total: Duration::from_millis(800),
        max_bytes: 1024 * 1024,
        retries: 2,
        backoff: Duration::from_millis(50),
        max_wait: Duration::from_secs(2),
    }
}

async fn get(server: &MockServer, policy: &net::Policy) -> Result<String, net::NetError> {
    let client = net::client(policy).expect("client");
    let url = format!("{}/x", server.uri());
    let req = net::Request {
        url: &url,
        body: None,
        headers: Vec::new(),
    };
    net::fetch(&client, &req, policy, "Azure prices").await
}

#[tokio::test]
async fn a_server_error_then_success_is_retried() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(500))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_string("ok"))
        .mount(&server)
        .await;
    assert_eq!(get(&server, &fast()).await.expect("retried"), "ok");
    assert_eq!(server.received_requests().await.unwrap().len(), 2);
}

#[tokio::test]
async fn too_many_requests_waits_as_long_as_retry_after_says() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "1"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_string("ok"))
        .mount(&server)
        .await;
    let started = Instant::now();
    assert_eq!(get(&server, &fast()).await.expect("after the wait"), "ok");
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "waited {:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn a_server_that_does_not_answer_in_time_is_a_timeout() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_delay(Duration::from_secs(5)))
        .mount(&server)
        .await;
    let started = Instant::now();
    let e = get(&server, &fast()).await.expect_err("too slow");
    assert_eq!(e.to_string(), "Azure prices did not answer in time");
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn an_answer_over_the_cap_is_refused() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_string("y".repeat(2 * 1024 * 1024)))
        .mount(&server)
        .await;
    let e = get(&server, &fast()).await.expect_err("too large");
    assert_eq!(
        e.to_string(),
        "Azure prices sent more than 1 MB; the answer was refused"
    );
}

fn railway_body() -> serde_json::Value {
    serde_json::json!({
        "data": {
            "usage": [
                {"measurement": "CPU_USAGE", "value": 10080.0, "tags": {"serviceId": "svc-orch"}},
                {"measurement": "MEMORY_USAGE_GB", "value": 5040, "tags": {"serviceId": "svc-orch"}},
                {"measurement": "NETWORK_TX_GB", "value": 7, "tags": {"serviceId": "svc-orch"}},
                {"measurement": "CPU_USAGE", "value": 2016, "tags": {"serviceId": "svc-gone"}},
                {"measurement": "NETWORK_TX_GB", "value": 0.7, "tags": {"serviceId": "svc-gone"}},
                {"measurement": "CPU_USAGE", "value": 504, "tags": {"serviceId": "svc-new"}}
            ],
            "project": {
                "name": "qlp-prod",
                "services": {"edges": [
                    {"node": {"id": "svc-orch", "name": "orchestrator"}},
                    {"node": {"id": "svc-new", "name": "Billing Worker"}}
                ]}
            }
        }
    })
}

#[tokio::test]
async fn railway_import_with_an_account_or_project_token_compares_the_measured_month() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/graphql/v2"))
        .and(header("Authorization", format!("Bearer {TOKEN}").as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(railway_body()))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/graphql/v2"))
        .and(header("Project-Access-Token", TOKEN))
        .respond_with(ResponseTemplate::new(200).set_body_json(railway_body()))
        .mount(&server)
        .await;
    let data = temp_dir("railway-ok");
    let out_file = data.join("calibrated.json");
    let (code, out, err) = cli(
        &data,
        &server.uri(),
        &[
            "import",
            "railway",
            "--project",
            "p-123",
            "--days",
            "7",
            "--calibrate",
            out_file.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{err}");
    // 10,080 vCPU-minutes over 7 days (10,080 minutes): 1 vCPU on average;
    // the workload estimated 0.5 vCPU × 1.
    let orch = out
        .lines()
        .find(|l| l.starts_with("Orchestrator"))
        .expect("orchestrator line");
    assert!(orch.contains(" 1 ") && orch.contains("0.5"), "{orch}");
    assert!(
        out.contains("Billing Worker") && out.contains("not in the workload"),
        "{out}"
    );
    assert!(
        out.contains("deleted service svc-gone") && out.contains("deleted on Railway"),
        "{out}"
    );
    assert!(out.contains("not on Railway"), "{out}");
    // 7.7 GB in 7 days: 33 GB in 30.
    assert!(
        out.contains("Egress: 33 GB a month measured, 50 GB estimated"),
        "{out}"
    );
    let calibrated =
        infra_runway::project::Project::parse(&std::fs::read_to_string(&out_file).unwrap())
            .unwrap();
    let o = calibrated
        .workload
        .services
        .iter()
        .find(|s| s.name == "Orchestrator")
        .unwrap();
    assert_eq!(o.vcpu, d("1"));
    assert_eq!(calibrated.workload.egress_gb, d("33"));
    // A project token goes in its own header.
    let (code, _, err) = cli(
        &data,
        &server.uri(),
        &["import", "railway", "--project", "p-123", "--project-token"],
    );
    assert_eq!(code, 0, "{err}");
    for r in server.received_requests().await.unwrap() {
        let body = String::from_utf8_lossy(&r.body).into_owned();
        assert!(body.contains("\"projectId\":\"p-123\""), "{body}");
        assert!(
            !body.contains(TOKEN),
            "the token goes in a header, not the body"
        );
    }
}

async fn railway_fails(name: &str, response: ResponseTemplate, expected: &str) {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(response)
        .mount(&server)
        .await;
    let data = temp_dir(name);
    let calibrated = data.join("calibrated.json");
    let (code, out, err) = cli(
        &data,
        &server.uri(),
        &[
            "import",
            "railway",
            "--project",
            "p-1",
            "--calibrate",
            calibrated.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 2, "{name}: {out}");
    assert!(!calibrated.exists(), "{name}: nothing written");
    assert!(stored(&data).is_empty(), "{name}: nothing stored");
    assert!(err.contains(expected), "{name}: {err}");
    assert!(
        !out.contains(TOKEN) && !err.contains(TOKEN),
        "{name}: the token leaked: {out}{err}"
    );
}

#[tokio::test]
async fn railway_failures_name_the_cause_and_never_the_token() {
    railway_fails(
        "401",
        ResponseTemplate::new(401),
        "Railway rejected the token",
    )
    .await;
    railway_fails(
        "403",
        ResponseTemplate::new(403),
        "Railway refused access: the token cannot see this project",
    )
    .await;
    railway_fails(
        "graphql-error",
        ResponseTemplate::new(200).set_body_json(serde_json::json!({
            "errors": [{"message": format!("Not Authorized for token {TOKEN}")}]
        })),
        "Railway said: Not Authorized for token [token]",
    )
    .await;
    railway_fails(
        "missing-field",
        ResponseTemplate::new(200).set_body_json(serde_json::json!({"data": {"usage": []}})),
        "Railway changed the shape of its answer: data.project is missing or not an object",
    )
    .await;
    railway_fails(
        "limited",
        ResponseTemplate::new(429).insert_header("Retry-After", "900"),
        "Railway is limiting requests; try again in 900 seconds",
    )
    .await;
}

#[test]
fn usage_becomes_a_month_by_hand() {
    let usage = railway::Usage {
        project: "p".into(),
        services: vec![
            railway::ServiceUsage {
                service_id: "a".into(),
                name: Some("Orchestrator".into()),
                vcpu_minutes: d("2520"),
                gb_minutes: d("7560"),
                egress_gb: d("3.5"),
            },
            railway::ServiceUsage {
                service_id: "gone".into(),
                name: None,
                vcpu_minutes: d("504"),
                gb_minutes: d("0"),
                egress_gb: d("0.35"),
            },
        ],
    };
    // Three and a half days: 5,040 minutes.
    let m = railway::monthly(&usage, d("5040"));
    assert_eq!(m[0].vcpu, d("0.5")); // 2,520 / 5,040
    assert_eq!(m[0].memory_gb, d("1.5")); // 7,560 / 5,040
    assert_eq!(m[0].egress_gb_month, d("30")); // 3.5 GB × 43,200 / 5,040
    assert_eq!(m[1].vcpu, d("0.1"));
    let cmp = railway::compare(&example().workload, &usage, d("5040"));
    assert_eq!(cmp.days, d("3.5"));
    assert_eq!(cmp.measured_egress_gb, d("33"));
    let deleted = cmp
        .lines
        .iter()
        .find(|l| l.status == railway::Match::Deleted)
        .unwrap();
    assert_eq!(deleted.service, "deleted service gone");
    // Calibration sizes the matched service per instance, within the ranges.
    let w = railway::calibrated(&example().workload, &cmp);
    let o = w
        .services
        .iter()
        .find(|s| s.name == "Orchestrator")
        .unwrap();
    assert_eq!((o.vcpu, o.memory_gb), (d("0.5"), d("1.5")));
    assert_eq!(w.egress_gb, d("33"));
    w.validate("workload").expect("a valid workload");
    // Nothing measured (a window of 0 minutes) is zero, not a division error.
    assert!(railway::monthly(&usage, Decimal::ZERO)
        .iter()
        .all(|s| s.vcpu.is_zero()));
}

#[test]
fn the_token_store_keeps_gives_back_and_forgets_a_token() {
    use crate::local::TokenStore;
    let store = crate::local::MemoryStore::default();
    assert_eq!(store.get().unwrap(), None);
    store.set(TOKEN).unwrap();
    assert_eq!(store.get().unwrap().as_deref(), Some(TOKEN));
    store.clear().unwrap();
    assert_eq!(store.get().unwrap(), None);
}

#[test]
fn accepted_catalogs_load_after_the_built_in_ones_and_a_bad_file_is_left_out() {
    let dir = temp_dir("accepted");
    let catalogs = infra_runway::catalog::Catalogs::builtin().unwrap();
    let mut next = catalogs.current("render").unwrap().clone();
    next.id = "render-2026-12-01".into();
    next.as_of = infra_runway::date::Date::new(2026, 12, 1).unwrap();
    crate::local::accept(&dir, &next).expect("kept");
    std::fs::write(dir.join("broken.json"), "{ not a catalog").unwrap();
    let files = crate::local::accepted_files(&dir);
    let (loaded, warnings) = infra_runway::catalog::Catalogs::builtin_with(&files).unwrap();
    assert_eq!(loaded.current("render").unwrap().id, "render-2026-12-01");
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("broken.json") && warnings[0].ends_with("left out"),
        "{warnings:?}"
    );
    // Restoring sets the accepted catalog aside; the built-in one is current again.
    let restored = crate::local::restore_previous(&dir, &loaded, "render").unwrap();
    assert_eq!(restored.as_deref(), Some("render-2026-12-01"));
    assert!(dir.join("retired/render-2026-12-01.json").is_file());
    let (again, _) =
        infra_runway::catalog::Catalogs::builtin_with(&crate::local::accepted_files(&dir)).unwrap();
    assert_eq!(again.current("render").unwrap().id, "render-2026-05");
}

#[tokio::test]
async fn a_catalog_at_an_address_is_shown_against_the_current_one_and_kept_when_accepted() {
    let catalogs = infra_runway::catalog::Catalogs::builtin().unwrap();
    let mut next = catalogs.current("render").unwrap().clone();
    next.id = "render-2026-12-02".into();
    next.as_of = infra_runway::date::Date::new(2026, 12, 2).unwrap();
    let text = next
        .to_json()
        .unwrap()
        .replace("\"usd\": \"7\"", "\"usd\": \"9\"");
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/render.json"))
        .respond_with(ResponseTemplate::new(200).set_body_string(text))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/not-a-catalog.json"))
        .respond_with(ResponseTemplate::new(200).set_body_string("{\"id\": 3}"))
        .mount(&server)
        .await;
    let data = temp_dir("address");
    let url = format!("{}/render.json", server.uri());
    let (code, out, err) = cli(
        &data,
        &server.uri(),
        &["catalog", "refresh", "--source", &url, "--yes"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("render: render-2026-05 (2026-05-01) → render-2026-12-02 (2026-12-02)"),
        "{out}"
    );
    assert!(out.contains("$7 → $9"), "{out}");
    assert!(data
        .join("infra-runway/catalogs/render-2026-12-02.json")
        .is_file());
    // A file that is not a catalog is refused, and nothing more is kept.
    let before = stored(&data);
    let bad = format!("{}/not-a-catalog.json", server.uri());
    let (code, _, err) = cli(
        &data,
        &server.uri(),
        &["catalog", "refresh", "--source", &bad, "--yes"],
    );
    assert_eq!(code, 2);
    assert!(err.contains("not a catalog this version reads"), "{err}");
    assert_eq!(stored(&data), before);
}
